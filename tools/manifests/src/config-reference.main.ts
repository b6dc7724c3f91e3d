import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_REFERENCE_PATH, renderConfigReference } from './config-reference';
import { readEnvCatalog } from './env-catalog';

// `npm run config:reference`: rewrites docs/configuration.md from the env classes.
const root = process.cwd();
writeFileSync(
  path.join(root, CONFIG_REFERENCE_PATH),
  renderConfigReference(readEnvCatalog(root), root),
);
console.log(`wrote ${CONFIG_REFERENCE_PATH}`);
