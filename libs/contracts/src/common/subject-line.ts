/**
 * A subject from the message it stands for: its first non-blank line, trimmed, at most
 * `maxLength` characters (counted in code points, so no emoji is cut in half).
 */
export function subjectLineOf(message: string, maxLength: number): string {
  const firstLine = message
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  const codePoints = Array.from(firstLine ?? '');
  if (codePoints.length <= maxLength) return codePoints.join('');
  return codePoints.slice(0, maxLength).join('').trimEnd();
}
