// The load runner and the long form of the faults (`npm run load -- <scenario>`, `npm run faults`):
// run on demand, never in `npm test`.
const base = require('../../../jest.config.cjs');

const e2e = base.projects.find((project) => project.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  ...e2e,
  rootDir: '../../..',
  displayName: 'load',
  testMatch: ['<rootDir>/tests/e2e/faults/*.run.ts'],
  testTimeout: 6 * 60 * 60_000,
};
