export * from './workspace-masking';
