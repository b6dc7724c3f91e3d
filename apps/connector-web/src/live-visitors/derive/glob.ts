/**
 * Whether `text` matches `pattern`, where `*` is any run of characters and every other
 * character is itself; case-insensitive. No regular expressions from configuration.
 */
export function globMatches(pattern: string, text: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const subject = text.toLowerCase();
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return subject === first;
  if (!subject.startsWith(first) || subject.length < first.length + last.length) return false;
  if (!subject.endsWith(last)) return false;
  let at = first.length;
  const end = subject.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = subject.indexOf(middle, at);
    if (found === -1 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}
