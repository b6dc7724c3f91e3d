import { AGENT_ROLES, AgentRole } from '@hub/domain';
import { AGENT_LOCALES } from '@hub/contracts';
import { sqlIn } from '@hub/persistence';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

// Emails are stored lowercased (a CHECK enforces it), so the unique key doubles as the
// case-insensitive login lookup.
@Entity({ schema: 'routing', name: 'agents' })
@Unique('uq_agents_workspace_email', ['workspaceId', 'email'])
@Check('ck_agents_email_lowercase', 'email = lower(email)')
@Check('ck_agents_role', sqlIn('role', AGENT_ROLES))
@Check('ck_agents_max_concurrent_chats', 'max_concurrent_chats > 0')
@Check('ck_agents_locale', sqlIn('locale', AGENT_LOCALES))
export class Agent {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_agents' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** The picture visitors see beside the agent's name: an http(s) URL, or null. */
  @Column({ name: 'avatar_url', type: 'text', nullable: true })
  avatarUrl!: string | null;

  @Column({ name: 'email', type: 'text' })
  email!: string;

  @Column({ name: 'role', type: 'text' })
  role!: AgentRole;

  /** False once an admin removed the agent: no login, no routing, no acting. */
  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** The inbox app's language for the agent (AGENT_LOCALES). */
  /** The inbox app's language the agent chose; null: the browser's. */
  @Column({ name: 'locale', type: 'text', nullable: true })
  locale!: string | null;

  @Column({ name: 'max_concurrent_chats', type: 'integer', default: 3 })
  maxConcurrentChats!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
