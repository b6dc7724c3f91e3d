/**
 * The deepest nesting of objects and arrays a REST body or socket frame may have. Far beyond
 * any contract of ours; a 10,000-deep document would otherwise overflow the stack of the
 * recursive steps after parsing (reviver, class-transformer) and be answered 500.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/**
 * True when the JSON text `text` nests objects and arrays deeper than `maxDepth`. One pass over
 * the characters without parsing or recursion, so a hostile document costs no stack; text that
 * is not JSON is left to the parser to refuse.
 */
export function exceedsJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (OPENERS.has(char)) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (CLOSERS.has(char)) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * True when the parsed JSON `value` nests objects and arrays deeper than `maxDepth`. Walks with
 * an explicit stack, so a hostile document costs no call stack.
 */
export function nestsDeeperThan(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return false;
}
