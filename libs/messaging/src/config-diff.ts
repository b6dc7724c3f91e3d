/**
 * Keys of `wanted` whose value differs in `current`. Only the keys we set are compared: the
 * server fills in every other field with its defaults.
 */
export function differingKeys<T extends object>(current: T, wanted: Partial<T>): string[] {
  return Object.entries(wanted)
    .filter(([key, value]) => JSON.stringify(current[key as keyof T]) !== JSON.stringify(value))
    .map(([key]) => key);
}
