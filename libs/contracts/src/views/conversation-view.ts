import type { Channel, ConversationStatus, Priority } from '@hub/domain';

export interface ConversationView {
  id: string;
  workspaceId: string;
  inboxId: string;
  channel: Channel;
  customerId: string;
  /** The customer's id on the channel (visitor id, email address...). */
  customerExternalId: string;
  departmentId: string | null;
  assigneeId: string | null;
  status: ConversationStatus;
  priority: Priority;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}
