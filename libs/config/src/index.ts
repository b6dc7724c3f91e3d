export * from './service-env';
export * from './validate-env';
export * from './hub-services';
export * from './metrics-port';
