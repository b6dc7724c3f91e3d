/**
 * An ILIKE pattern matching values that start with `text`: LIKE's own wildcards (`%`, `_`) and
 * its escape character (`\`) in the text are matched literally, not as wildcards.
 */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
