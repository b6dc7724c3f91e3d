export * from './reset-demo-password';
export * from './seed-demo-workspace';
