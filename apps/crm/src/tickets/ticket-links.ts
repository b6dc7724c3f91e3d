import { QueryFailedError } from 'typeorm';

// PostgreSQL's unique_violation, here on uq_ticket_conversations_conversation.
const UNIQUE_VIOLATION = '23505';

/** True when a write failed because the conversation got linked to a ticket meanwhile. */
export function isConversationLinkedRace(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION &&
    (error.driverError as { constraint?: string }).constraint ===
      'uq_ticket_conversations_conversation'
  );
}
