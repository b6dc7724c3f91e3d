export * from './service-process';
export * from './test-database';
export * from './test-env';
export * from './statement-watch';
