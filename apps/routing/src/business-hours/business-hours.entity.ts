import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Department } from '../departments/department.entity';
import type { WeekSchedule } from '@hub/contracts';

// A workspace's hours (department null), or one department's, which replace the workspace's
// for that department's conversations and tickets.
@Entity({ schema: 'routing', name: 'business_hours' })
@Index('uq_business_hours_workspace', ['workspaceId'], {
  unique: true,
  where: 'department_id IS NULL',
})
@Index('uq_business_hours_department', ['departmentId'], {
  unique: true,
  where: 'department_id IS NOT NULL',
})
export class BusinessHours {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_business_hours' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Department, { name: 'fk_business_hours_department', onDelete: 'CASCADE' })
  departmentId!: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'week', type: 'jsonb' })
  week!: WeekSchedule;

  /** Local dates `YYYY-MM-DD`, closed all day. */
  @Column({ name: 'holidays', type: 'jsonb', default: () => "'[]'" })
  holidays!: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
