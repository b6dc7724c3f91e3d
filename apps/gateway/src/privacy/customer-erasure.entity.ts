import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity';

// That a customer's data was erased, by whom and when; never what was erased.
@Entity({ schema: 'gateway', name: 'customer_erasures' })
@Unique('uq_customer_erasures_workspace_customer', ['workspaceId', 'customerId'])
export class CustomerErasure {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_customer_erasures' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => Workspace, { name: 'fk_customer_erasures_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  /** The admin who asked. */
  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  /** Null while a service has not confirmed its part; a repeated request finishes it. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
