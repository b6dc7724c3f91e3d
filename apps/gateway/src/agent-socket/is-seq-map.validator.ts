import { isUUID, registerDecorator } from 'class-validator';

/** `{ [conversationId: uuid]: lastSeq: integer ≥ 0 }` with at most `maxEntries` entries. */
export function IsSeqMap(maxEntries: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSeqMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be an object of at most ${maxEntries} entries mapping a conversation id (UUID) to the last seq received (an integer ≥ 0)`,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= maxEntries &&
            entries.every(
              ([key, seq]) => isUUID(key) && Number.isSafeInteger(seq) && (seq as number) >= 0,
            )
          );
        },
      },
    });
}
