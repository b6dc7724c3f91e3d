import { Channel, CHANNELS } from '@hub/domain';
import { sqlIn } from '@hub/persistence';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ schema: 'conversation', name: 'inboxes' })
@Index('ix_inboxes_workspace', ['workspaceId'])
// One inbox per Meta account: an expression index TypeORM cannot describe, kept by its migration.
@Index('uq_inboxes_meta_account', { synchronize: false })
@Check('ck_inboxes_channel', sqlIn('channel', CHANNELS))
export class Inbox {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_inboxes' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: Channel;

  /** Channel-specific configuration (page id, bot token reference, widget colours...). */
  @Column({ name: 'settings', type: 'jsonb', default: {} })
  settings!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
