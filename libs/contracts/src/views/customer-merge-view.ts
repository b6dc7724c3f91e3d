/** One merge of two customers, as recorded by crm: who, when, and exactly what moved. */
export interface CustomerMergeView {
  id: string;
  workspaceId: string;
  /** The surviving record. */
  customerId: string;
  /** The record merged into it; it exists again once the merge is undone. */
  mergedCustomerId: string;
  /**
   * Per crm table (`crm.orders`...), how many rows moved to the surviving record (crm keeps their
   * keys; a reply listing them all could outgrow a NATS message for a big customer).
   */
  moved: Record<string, number>;
  /** How many conversations (conversation service) moved. */
  conversationsMoved: number;
  /**
   * The conversation service has not done its part of the merge (or of its undo) yet: crm
   * retries it until it has. Messages are never lost meanwhile; they land on either record.
   */
  conversationsPending: boolean;
  mergedBy: string | null;
  mergedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}
