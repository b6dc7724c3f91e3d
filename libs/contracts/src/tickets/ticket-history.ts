/** One write of a ticket, as its history lists it (oldest first). */
export interface TicketHistoryEntry {
  id: string;
  /** `created`, `updated`, `transferred`, `conversation_linked`, `reopened`... */
  action: string;
  actorType: 'agent' | 'system' | 'integrator';
  actorId: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
  occurredAt: string;
}
