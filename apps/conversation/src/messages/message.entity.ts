import {
  CONTENT_TYPES,
  ContentType,
  DELIVERY_STATUSES,
  DeliveryStatus,
  MESSAGE_DIRECTIONS,
  MessageDirection,
  SENDER_TYPES,
  SenderType,
} from '@hub/domain';
import { bigintToNumber, sqlIn } from '@hub/persistence';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';
import { StoredFile } from '../files/stored-file.entity';

// inboxId is copied from the conversation so the channel's own message id can be unique per
// inbox: that key makes a redelivered inbound message a no-op. (conversation_id, seq) is both
// the gap-free ordering and the index for reading a transcript or resuming after a seq.
@Entity({ schema: 'conversation', name: 'messages' })
@Unique('uq_messages_inbox_channel_message', ['inboxId', 'channelMessageId'])
@Unique('uq_messages_conversation_seq', ['conversationId', 'seq'])
@Index('uq_messages_agent_client_message', ['conversationId', 'senderId', 'clientMessageId'], {
  unique: true,
  where: `sender_type = 'agent' AND client_message_id IS NOT NULL`,
})
// Finds the messages showing a file (the file's foreign key is checked on every delete of one).
@Index('ix_messages_attachment_file', ['attachmentFileId'], {
  where: 'attachment_file_id IS NOT NULL',
})
// Search in the inbox's list: a trigram GIN index (migration 1796220000000), which TypeORM
// cannot describe.
@Index('ix_messages_content_trgm', { synchronize: false })
// Finds the replies to a message (the reference's foreign key is checked on every delete of one).
@Index('ix_messages_reply_to', ['replyToMessageId'], {
  where: 'reply_to_message_id IS NOT NULL',
})
@Check('ck_messages_seq', 'seq > 0')
@Check('ck_messages_direction', sqlIn('direction', MESSAGE_DIRECTIONS))
@Check('ck_messages_sender_type', sqlIn('sender_type', SENDER_TYPES))
@Check('ck_messages_content_type', sqlIn('content_type', CONTENT_TYPES))
@Check('ck_messages_delivery_status', sqlIn('delivery_status', DELIVERY_STATUSES))
export class Message {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_messages' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  @ForeignKey(() => Conversation, { name: 'fk_messages_conversation', onDelete: 'CASCADE' })
  conversationId!: string;

  @Column({ name: 'inbox_id', type: 'uuid' })
  inboxId!: string;

  @Column({ name: 'seq', type: 'bigint', transformer: bigintToNumber })
  seq!: number;

  @Column({ name: 'direction', type: 'text' })
  direction!: MessageDirection;

  @Column({ name: 'sender_type', type: 'text' })
  senderType!: SenderType;

  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId!: string | null;

  @Column({ name: 'content', type: 'text' })
  content!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: ContentType;

  @Column({ name: 'channel_message_id', type: 'text', nullable: true })
  channelMessageId!: string | null;

  @Column({ name: 'client_message_id', type: 'text', nullable: true })
  clientMessageId!: string | null;

  @Column({ name: 'delivery_status', type: 'text' })
  deliveryStatus!: DeliveryStatus;

  /** Why a mailed reply failed (the relay's answer, a bounce's diagnostic). */
  @Column({ name: 'delivery_error', type: 'text', nullable: true })
  deliveryError!: string | null;

  /** The message this one answers, as the customer's platform said. */
  @Column({ name: 'reply_to_message_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Message, { name: 'fk_messages_reply_to', onDelete: 'SET NULL' })
  replyToMessageId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'attachment_file_id', type: 'uuid', nullable: true })
  attachmentFileId!: string | null;

  /** The attached file's record, loaded with the message (every view of it shows the file). */
  @ManyToOne(() => StoredFile, { eager: true, nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'attachment_file_id',
    foreignKeyConstraintName: 'fk_messages_attachment_file',
  })
  attachment?: StoredFile | null;
}
