import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SlaHours } from '@hub/contracts';
import type { Priority } from '@hub/domain';

// Targets for what a policy matches; the first matching policy by `position` applies. An empty
// list or a null `vip` matches anything; a null target means no clock for that metric.
@Entity({ schema: 'routing', name: 'sla_policies' })
@Index('ix_sla_policies_workspace', ['workspaceId', 'position'])
@Check('ck_sla_policies_hours', `hours in ('business', 'calendar')`)
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_sla_policies' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'priorities', type: 'text', array: true, default: () => "'{}'" })
  priorities!: Priority[];

  @Column({ name: 'category_ids', type: 'uuid', array: true, default: () => "'{}'" })
  categoryIds!: string[];

  @Column({ name: 'vip', type: 'boolean', nullable: true })
  vip!: boolean | null;

  @Column({ name: 'first_response_minutes', type: 'integer', nullable: true })
  firstResponseMinutes!: number | null;

  @Column({ name: 'next_response_minutes', type: 'integer', nullable: true })
  nextResponseMinutes!: number | null;

  @Column({ name: 'resolution_minutes', type: 'integer', nullable: true })
  resolutionMinutes!: number | null;

  @Column({ name: 'hours', type: 'text' })
  hours!: SlaHours;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
