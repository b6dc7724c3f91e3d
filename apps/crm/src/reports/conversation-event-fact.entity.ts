import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { sqlIn } from '@hub/persistence';

/** The conversation events a KPI reads; an agent's message counts as `agent_replied`. */
export const CONVERSATION_FACT_KINDS = [
  'opened',
  'assigned',
  'unassigned',
  'agent_replied',
  'resolved',
  'rated',
] as const;
export type ConversationFactKind = (typeof CONVERSATION_FACT_KINDS)[number];

// One row per event, keyed by its event id: a redelivered or replayed event is a no-op.
@Entity({ schema: 'reporting', name: 'conversation_events' })
@Index('ix_conversation_events_conversation', ['conversationId', 'occurredAt'])
@Index('ix_conversation_events_workspace', ['workspaceId', 'occurredAt'])
@Check('ck_conversation_events_kind', sqlIn('kind', CONVERSATION_FACT_KINDS))
export class ConversationEventFact {
  @PrimaryColumn({
    name: 'event_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_conversation_events',
  })
  eventId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: ConversationFactKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'channel', type: 'text', nullable: true })
  channel!: string | null;

  @Column({ name: 'rating', type: 'smallint', nullable: true })
  rating!: number | null;
}
