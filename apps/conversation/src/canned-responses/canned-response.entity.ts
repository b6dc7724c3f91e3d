import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ schema: 'conversation', name: 'canned_responses' })
@Index('uq_canned_responses_shared_shortcut', ['workspaceId', 'shortcut'], {
  unique: true,
  where: 'owner_agent_id is null',
})
@Index('uq_canned_responses_personal_shortcut', ['ownerAgentId', 'shortcut'], {
  unique: true,
  where: 'owner_agent_id is not null',
})
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_canned_responses' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** Typed after a slash in the composer: `/thanks`. */
  @Column({ name: 'shortcut', type: 'text' })
  shortcut!: string;

  @Column({ name: 'text', type: 'text' })
  text!: string;

  /** Limits the response to one department's agents; null means everyone. Owned by routing. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  /** The agent whose personal phrase this is; null: shared by the workspace. */
  @Column({ name: 'owner_agent_id', type: 'uuid', nullable: true })
  ownerAgentId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
