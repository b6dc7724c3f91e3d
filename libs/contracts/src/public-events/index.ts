export { schemaViolations, type JsonSchema } from './json-schema';
export * from './public-event-catalog';
