import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';
import { Tag } from './tag.entity';

/** A tag on a conversation; the index on (tag, conversation) serves the list's tag filter. */
@Entity({ schema: 'conversation', name: 'conversation_tags' })
@Index('ix_conversation_tags_tag', ['tagId', 'conversationId'])
export class ConversationTag {
  @PrimaryColumn('uuid', {
    name: 'conversation_id',
    primaryKeyConstraintName: 'pk_conversation_tags',
  })
  @ForeignKey(() => Conversation, {
    name: 'fk_conversation_tags_conversation',
    onDelete: 'CASCADE',
  })
  conversationId!: string;

  @PrimaryColumn('uuid', { name: 'tag_id', primaryKeyConstraintName: 'pk_conversation_tags' })
  @ForeignKey(() => Tag, { name: 'fk_conversation_tags_tag', onDelete: 'CASCADE' })
  tagId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
