import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

// One row per resolved cycle of a conversation that had an agent: the key includes the
// resolution time, so a conversation reopened and resolved again counts each cycle once.
@Entity({ schema: 'routing', name: 'handling_times' })
@Index('ix_handling_times_workspace_resolved', ['workspaceId', 'resolvedAt'])
@Check('ck_handling_times_handle_seconds', 'handle_seconds >= 0')
export class HandlingTime {
  @PrimaryColumn({
    name: 'conversation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_handling_times',
  })
  conversationId!: string;

  @PrimaryColumn({
    name: 'resolved_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_handling_times',
  })
  resolvedAt!: Date;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** The queue it came from (null: the workspace-wide queue). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ name: 'handle_seconds', type: 'integer' })
  handleSeconds!: number;
}
