import type { ValueTransformer } from 'typeorm';

/**
 * pg returns bigint as a string, since it may exceed 2^53. For counters that stay far below
 * (message seq, amounts in cents) a number is what the code wants; anything larger fails
 * loudly here instead of silently losing precision.
 */
export const bigintToNumber = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed))
      throw new RangeError(`bigint ${value} does not fit a JS number`);
    return parsed;
  },
} satisfies ValueTransformer;
