import { maskCardNumbers } from './card-numbers';
import { maskingPatternProblem } from './masking-patterns';

/** Masks a text the way one workspace wants it masked. */
export type TextMasker = (text: string) => string;

const VISIBLE_TAIL = 4;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * The match with its letters and digits masked but the last four, separators kept
 * (`ORD-123456` → `***-**3456`). A match of four or fewer would be shown whole, so it is
 * masked whole.
 */
function maskKeepingTail(match: string): string {
  const total = match.match(LETTER_OR_DIGIT)?.length ?? 0;
  let left = total;
  return match.replace(LETTER_OR_DIGIT, (char) => {
    left -= 1;
    return total > VISIBLE_TAIL && left < VISIBLE_TAIL ? char : '*';
  });
}

/**
 * A masker for card numbers (Luhn-valid) and the workspace's own patterns, each match keeping
 * its last four letters or digits. Patterns are checked with {@link maskingPatternProblem}
 * when saved; one that fails here anyway (stored before the check) is skipped, never thrown,
 * so a bad setting cannot stop messages from being stored.
 */
export function createTextMasker(patterns: readonly string[]): TextMasker {
  const compiled = patterns
    .filter((source) => maskingPatternProblem(source) === null)
    .map((source) => new RegExp(source, 'gu'));
  return (text) =>
    compiled.reduce(
      (masked, pattern) => masked.replace(pattern, maskKeepingTail),
      maskCardNumbers(text),
    );
}
