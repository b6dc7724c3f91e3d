import type { CannedResponseView } from '../../api/types';

/** The `/shortcut` being typed at the start of the composer, or undefined when there is none. */
export function cannedQuery(text: string): string | undefined {
  const match = /^\/(\S*)$/.exec(text);
  return match ? match[1].toLowerCase() : undefined;
}

/** Canned responses whose shortcut starts with the query (then those containing it), at most 8. */
export function matchCanned(
  responses: readonly CannedResponseView[],
  query: string,
): CannedResponseView[] {
  const starts = responses.filter((response) => response.shortcut.toLowerCase().startsWith(query));
  const contains = responses.filter(
    (response) => !starts.includes(response) && response.shortcut.toLowerCase().includes(query),
  );
  return [...starts, ...contains].slice(0, 8);
}
