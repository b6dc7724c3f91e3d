import { bigintToNumber } from '@hub/persistence';
import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';

/** How far an agent has read a conversation: the unread count is the customer's messages after. */
@Entity({ schema: 'conversation', name: 'agent_reads' })
@Check('ck_agent_reads_seq', 'last_read_seq >= 0')
export class AgentRead {
  @PrimaryColumn('uuid', { name: 'agent_id', primaryKeyConstraintName: 'pk_agent_reads' })
  agentId!: string;

  @PrimaryColumn('uuid', { name: 'conversation_id', primaryKeyConstraintName: 'pk_agent_reads' })
  @ForeignKey(() => Conversation, { name: 'fk_agent_reads_conversation', onDelete: 'CASCADE' })
  conversationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'last_read_seq', type: 'bigint', transformer: bigintToNumber })
  lastReadSeq!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
