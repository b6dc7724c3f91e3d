// `npm run load -- <scenario>` and `npm run faults`: the Node load runner (tests/e2e/faults/README.md).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCENARIOS = ['smoke', 'load', 'spike', 'soak', 'faults'];
const scenario = process.argv[2];
if (!SCENARIOS.includes(scenario) || process.argv.length > 3) {
  console.error(`usage: npm run load -- <${SCENARIOS.join('|')}>   (or: npm run faults)`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '../../..');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '-c',
    'tests/e2e/faults/jest.run.config.cjs',
    '--runInBand',
    scenario === 'faults' ? 'faults.run' : 'load.run',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // A hub booting beside other people's test runs on a shared machine may take minutes.
    env: { HUB_READY_TIMEOUT_MS: '300000', ...process.env, LOAD_SCENARIO: scenario },
  },
);
process.exit(result.status ?? 1);
