export * from './migrate';
export * from './migration-files';
