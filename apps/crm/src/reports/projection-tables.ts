/**
 * Where facts are written: the live projection, or the fresh tables a rebuild replays into
 * before it swaps them in. Both have the same columns.
 */
export interface ProjectionTables {
  conversationEvents: string;
  conversationSessions: string;
  slaEvents: string;
  ticketEvents: string;
}

export const LIVE_TABLES: ProjectionTables = {
  conversationEvents: 'reporting.conversation_events',
  conversationSessions: 'reporting.conversation_sessions',
  slaEvents: 'reporting.sla_events',
  ticketEvents: 'reporting.ticket_events',
};
