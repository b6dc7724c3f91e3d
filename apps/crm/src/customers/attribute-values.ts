import { ATTRIBUTE_TEXT_MAX_LENGTH, isStorableText, type AttributeType } from '@hub/contracts';
import { CustomerError } from './customer.exception';

export interface AttributeRule {
  key: string;
  type: AttributeType;
  options: string[];
}

/** What a write does to the custom attributes: values to store and keys to remove. */
export interface AttributeWrite {
  set: Map<string, unknown>;
  remove: string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A real calendar day: 2026-02-30 is refused, not rolled over to March.
function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const CHECKS: Record<AttributeType, (value: unknown, rule: AttributeRule) => string | null> = {
  text: (value) =>
    typeof value === 'string' && value.length <= ATTRIBUTE_TEXT_MAX_LENGTH && isStorableText(value)
      ? null
      : `text of at most ${ATTRIBUTE_TEXT_MAX_LENGTH} characters`,
  number: (value) =>
    typeof value === 'number' && Number.isFinite(value) ? null : 'a finite number',
  date: (value) =>
    typeof value === 'string' && isCalendarDate(value) ? null : 'a date as YYYY-MM-DD',
  boolean: (value) => (typeof value === 'boolean' ? null : 'true or false'),
  list: (value, rule) =>
    typeof value === 'string' && rule.options.includes(value)
      ? null
      : `one of ${rule.options.map((option) => JSON.stringify(option)).join(', ')}`,
};

/**
 * Checks every value against the workspace's definitions before anything is written, so one
 * unknown key or wrong type refuses the whole write. `null` removes a value.
 */
export function checkAttributeValues(
  rules: AttributeRule[],
  values: Record<string, unknown>,
): AttributeWrite {
  const byKey = new Map(rules.map((rule) => [rule.key, rule]));
  const write: AttributeWrite = { set: new Map(), remove: [] };
  for (const [key, value] of Object.entries(values)) {
    const rule = byKey.get(key);
    if (!rule) throw CustomerError.attributeUnknown(key);
    if (value === null) {
      write.remove.push(key);
      continue;
    }
    const expected = CHECKS[rule.type](value, rule);
    if (expected) throw CustomerError.attributeInvalid(key, expected);
    write.set.set(key, value);
  }
  return write;
}
