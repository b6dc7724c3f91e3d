/** The subset of JSON Schema (2020-12) the public event catalog writes its payloads in. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'boolean' | 'array' | 'null' | readonly string[];
  description?: string;
  format?: 'uuid' | 'date-time' | 'uri';
  enum?: readonly (string | number | null)[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minimum?: number;
}

export const uuid = (description: string): JsonSchema => ({
  type: 'string',
  format: 'uuid',
  description,
});
export const nullableUuid = (description: string): JsonSchema => ({
  type: ['string', 'null'],
  format: 'uuid',
  description,
});
export const dateTime = (description: string): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  description,
});
export const text = (description: string): JsonSchema => ({ type: 'string', description });
export const oneOf = (values: readonly string[], description: string): JsonSchema => ({
  type: 'string',
  enum: values,
  description,
});

/** An object schema whose every property is required and no other is allowed. */
export function closedObject(
  properties: Record<string, JsonSchema>,
  description?: string,
): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Where `value` breaks `schema` (this file's subset: type, enum, properties, required,
 * additionalProperties, items, minimum); empty when it conforms. For tests and the catalog's
 * own checks, not a general validator.
 */
export function schemaViolations(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const actual = typeOf(value);
  const allowed = schema.type === undefined ? undefined : [schema.type].flat();
  if (allowed && !allowed.includes(actual))
    return [`${path}: ${actual} is not ${allowed.join('|')}`];
  if (schema.enum && !schema.enum.includes(value as string | number | null)) {
    return [`${path}: ${String(value)} is not one of ${schema.enum.join(', ')}`];
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) {
    return [`${path}: ${value} < ${schema.minimum}`];
  }
  if (actual === 'array' && schema.items) {
    const items = schema.items;
    return (value as unknown[]).flatMap((item, i) =>
      schemaViolations(items, item, `${path}[${i}]`),
    );
  }
  if (actual !== 'object' || !schema.properties) return [];
  const record = value as Record<string, unknown>;
  const missing = (schema.required ?? [])
    .filter((key) => !(key in record))
    .map((key) => `${path}.${key}: missing`);
  const extra =
    schema.additionalProperties === false
      ? Object.keys(record)
          .filter((key) => !(key in schema.properties!))
          .map((key) => `${path}.${key}: not allowed`)
      : [];
  const nested = Object.entries(schema.properties).flatMap(([key, property]) =>
    key in record ? schemaViolations(property, record[key], `${path}.${key}`) : [],
  );
  return [...missing, ...extra, ...nested];
}
