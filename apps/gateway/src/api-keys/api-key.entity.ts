import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity';

// Only a hash of the key is stored: the key itself is shown once, when it is created.
@Entity({ schema: 'gateway', name: 'api_keys' })
@Unique('uq_api_keys_key_hash', ['keyHash'])
@Index('ix_api_keys_workspace', ['workspaceId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_api_keys' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => Workspace, { name: 'fk_api_keys_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  /** The key's first characters, to tell keys apart in lists. */
  @Column({ name: 'prefix', type: 'text', default: '' })
  prefix!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the key last let a request in (written at most once a minute). */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
