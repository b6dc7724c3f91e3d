import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

// A visitor's credential for the widget: only the SHA-256 of the token is kept, so a leaked
// table cannot be replayed. The session binds the token to one workspace, inbox and visitor.
@Entity({ schema: 'web', name: 'visitor_sessions' })
@Unique('uq_visitor_sessions_token_hash', ['tokenHash'])
@Index('ix_visitor_sessions_visitor', ['workspaceId', 'visitorId'])
@Check('ck_visitor_sessions_token_hash', `token_hash ~ '^[0-9a-f]{64}$'`)
export class VisitorSession {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_visitor_sessions' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'inbox_id', type: 'uuid' })
  inboxId!: string;

  @Column({ name: 'visitor_id', type: 'uuid' })
  visitorId!: string;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Written at most every VISITOR_SEEN_UPDATE_SECONDS; the idle expiry counts from it. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  /** Set when an agent ended the visitor's sessions: the token is refused from then on. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
