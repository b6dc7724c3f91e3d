// Benchmarks run on demand, never in `npm test`: `npx jest -c tests/bench/jest.bench.config.cjs [name]`.
const base = require('../../jest.config.cjs');

const e2e = base.projects.find((project) => project.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  ...e2e,
  rootDir: '../..',
  displayName: 'bench',
  testMatch: ['<rootDir>/tests/bench/**/*.bench.ts'],
  testTimeout: 15 * 60_000,
};
