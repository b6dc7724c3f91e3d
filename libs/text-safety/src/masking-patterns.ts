/** The longest pattern source a workspace may configure. */
export const MASKING_PATTERN_MAX_LENGTH = 200;
/** The most patterns one workspace may configure. */
export const MASKING_PATTERNS_MAX_COUNT = 20;

// Patterns run on every stored message and every draft, so a pattern that can backtrack
// exponentially ("(a+)+", "(\d*)*") would let one message stall a service. Such patterns
// quantify a group that itself holds a quantifier; refusing that shape (and backreferences)
// keeps every accepted pattern linear enough for bounded message lengths.
const QUANTIFIER_AFTER_GROUP = /^(?:[*+]|\{\d+,\d*\})/;

/**
 * Why `source` cannot be a workspace masking pattern, or null when it can: it must compile as a
 * Unicode JavaScript regular expression, stay under the length bound, match no empty text, and
 * hold no backreference and no quantified group that contains a quantifier.
 */
export function maskingPatternProblem(source: string): string | null {
  if (source.length === 0) return 'is empty';
  if (source.length > MASKING_PATTERN_MAX_LENGTH) {
    return `is longer than ${MASKING_PATTERN_MAX_LENGTH} characters`;
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'u');
  } catch (_notARegExp) {
    return 'is not a valid regular expression';
  }
  if (pattern.test('')) return 'matches empty text';
  return structureProblem(source);
}

/** Walks the source once, tracking which open groups contain a quantifier. */
function structureProblem(source: string): string | null {
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') {
      if (!inClass && /[1-9k]/.test(source[index + 1] ?? '')) return 'uses a backreference';
      index += 1;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      groupHasQuantifier.push(false);
    } else if (char === ')') {
      const innerQuantified = groupHasQuantifier.pop() ?? false;
      const quantified = QUANTIFIER_AFTER_GROUP.test(source.slice(index + 1));
      if (innerQuantified && quantified) return 'repeats a group that repeats (nested quantifiers)';
      if (innerQuantified || quantified) markEnclosingGroup(groupHasQuantifier);
    } else if (char === '*' || char === '+' || char === '{') {
      markEnclosingGroup(groupHasQuantifier);
    }
  }
  return null;
}

function markEnclosingGroup(groupHasQuantifier: boolean[]): void {
  if (groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
}
