import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { REPORT_REBUILD_STATUSES, type ReportRebuildStatus } from '@hub/contracts';
import { sqlIn } from '@hub/persistence';

// One rebuild of a workspace's projection from the EVENTS stream.
@Entity({ schema: 'reporting', name: 'rebuilds' })
@Index('ix_rebuilds_workspace', ['workspaceId', 'startedAt'])
@Check('ck_rebuilds_status', sqlIn('status', REPORT_REBUILD_STATUSES))
export class ReportRebuild {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_rebuilds' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'status', type: 'text' })
  status!: ReportRebuildStatus;

  /** The admin who asked; null when the system did. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  /** Stream messages read so far (every event of the stream, not only this workspace's). */
  @Column({ name: 'events_read', type: 'integer', default: 0 })
  eventsRead!: number;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;
}
