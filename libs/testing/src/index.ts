export * from './service-process';
export * from './test-env';
export * from './test-hub';
