import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

// A workspace's ticket categories, nested one level: a top category (no parent) or a child of
// one. Names are unique among siblings; a category with children or tickets is not deleted.
@Entity({ schema: 'crm', name: 'ticket_categories' })
@Index('uq_ticket_categories_top_name', ['workspaceId', 'name'], {
  unique: true,
  where: 'parent_id IS NULL',
})
@Index('uq_ticket_categories_child_name', ['parentId', 'name'], {
  unique: true,
  where: 'parent_id IS NOT NULL',
})
export class TicketCategory {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_ticket_categories' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  @ForeignKey(() => TicketCategory, { name: 'fk_ticket_categories_parent', onDelete: 'RESTRICT' })
  parentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
