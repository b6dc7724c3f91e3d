import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintToNumber } from '@hub/persistence';

/**
 * How far connector-email has read an inbox's IMAP mailbox: every message up to `lastUid` has
 * been made durable. UIDs only mean something within one UIDVALIDITY; when the server changes
 * it, the mailbox is read again from the start (the Message-ID keeps mail stored once).
 */
@Entity({ schema: 'email', name: 'imap_cursors' })
export class ImapCursor {
  @PrimaryColumn({ name: 'inbox_id', type: 'uuid', primaryKeyConstraintName: 'pk_imap_cursors' })
  inboxId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'uid_validity', type: 'bigint', transformer: bigintToNumber })
  uidValidity!: number;

  @Column({ name: 'last_uid', type: 'bigint', transformer: bigintToNumber })
  lastUid!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
