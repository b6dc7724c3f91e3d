import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A name is unique in the workspace whatever its case: an expression index, kept by its
// migration (TypeORM cannot describe it).
@Entity({ schema: 'conversation', name: 'tags' })
@Index('uq_tags_workspace_name', { synchronize: false })
@Check('ck_tags_colour', `colour ~ '^#[0-9a-f]{6}$'`)
export class Tag {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_tags' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'colour', type: 'text' })
  colour!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
