import { subjectLineOf } from '@hub/contracts';

/** The longest subject a ticket opened from a message gets. */
export const TICKET_SUBJECT_MAX_LENGTH = 120;

/** A ticket's subject from the message it was opened with: its first non-blank line. */
export function ticketSubjectOf(message: string): string {
  return subjectLineOf(message, TICKET_SUBJECT_MAX_LENGTH);
}
