import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AgentSession } from './agent-session.entity';

// Only a SHA-256 of the token is stored; `rotated_at` marks one already exchanged, so a second
// use is recognised as theft and ends the whole session.
@Entity({ schema: 'gateway', name: 'refresh_tokens' })
@Index('ix_refresh_tokens_session', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn({
    name: 'token_hash',
    type: 'text',
    primaryKeyConstraintName: 'pk_refresh_tokens',
  })
  tokenHash!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => AgentSession, { name: 'fk_refresh_tokens_session', onDelete: 'CASCADE' })
  sessionId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}
