/** The longest subject a ticket opened from a message gets. */
export const TICKET_SUBJECT_MAX_LENGTH = 120;

/**
 * A ticket's subject from the message it was opened with: its first non-blank line, trimmed,
 * at most 120 characters (counted in code points, so no emoji is cut in half).
 */
export function ticketSubjectOf(message: string): string {
  const firstLine = message
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  const codePoints = Array.from(firstLine ?? '');
  if (codePoints.length <= TICKET_SUBJECT_MAX_LENGTH) return codePoints.join('');
  return codePoints.slice(0, TICKET_SUBJECT_MAX_LENGTH).join('').trimEnd();
}
