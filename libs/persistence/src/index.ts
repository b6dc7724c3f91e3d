export * from './bigint-transformer';
export * from './data-source';
export * from './migrate';
export * from './migrations';
export * from './seed-demo-workspace';
export * from './sql-check';
// Test helpers: imported by test files only; kept here so tests need just one alias.
export * from './testing';
