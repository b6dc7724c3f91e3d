// @ts-check
// Fails when a project holds tests of a tier but lacks the Nx target that runs that tier: no
// target passes on zero tests (jest's pass-with-no-tests flag is never used), so a project gets
// its `test` target with its first spec, and until then this check keeps that spec running.
import { createProjectGraphAsync } from '@nx/devkit';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Test file pattern of each tier (as in jest.config.cjs) and the target that runs it. */
const TIERS = [
  { target: 'test', matches: (/** @type {string} */ file) => file.endsWith('.spec.ts') },
  {
    target: 'integration-test',
    matches: (/** @type {string} */ file) => /^test\/.*\.int-spec\.ts$/.test(file),
  },
  { target: 'e2e', matches: (/** @type {string} */ file) => file.endsWith('.e2e-spec.ts') },
];

/** @param {string} dir @returns {AsyncGenerator<string>} paths relative to `dir` */
async function* filesUnder(dir, prefix = '') {
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) yield* filesUnder(dir, relative);
    else yield relative;
  }
}

const graph = await createProjectGraphAsync({ exitOnError: true });
/** "project:target" → one test file that needs it */
const missing = new Map();
for (const { name, data } of Object.values(graph.nodes)) {
  const targets = data.targets ?? {};
  for await (const file of filesUnder(path.join(root, data.root))) {
    const tier = TIERS.find(({ matches }) => matches(file));
    if (tier && !targets[tier.target] && !missing.has(`${name}:${tier.target}`))
      missing.set(`${name}:${tier.target}`, `${data.root}/${file}`);
  }
}

if (missing.size > 0) {
  for (const [task, file] of missing) console.error(`${task} is missing: ${file} would never run`);
  process.exit(1);
}
console.log('every test file has a target that runs it');
