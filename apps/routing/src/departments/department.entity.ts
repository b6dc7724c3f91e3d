import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity({ schema: 'routing', name: 'departments' })
@Unique('uq_departments_workspace_name', ['workspaceId', 'name'])
export class Department {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_departments' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** Reserved for VIP customers: no other conversation waits in its queue. */
  @Column({ name: 'vip_only', type: 'boolean', default: false })
  vipOnly!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
