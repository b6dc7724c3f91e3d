import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ schema: 'conversation', name: 'canned_responses' })
@Unique('uq_canned_responses_workspace_shortcut', ['workspaceId', 'shortcut'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
