import { sqlIn } from '@hub/persistence';
import { ATTRIBUTE_TYPES, type AttributeType } from '@hub/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A custom attribute a workspace defines for its customers; values are checked against it. */
@Entity({ schema: 'crm', name: 'customer_attribute_definitions' })
@Unique('uq_customer_attribute_definitions_workspace_key', ['workspaceId', 'key'])
@Check('ck_customer_attribute_definitions_type', sqlIn('type', ATTRIBUTE_TYPES))
export class AttributeDefinition {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_customer_attribute_definitions',
  })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'type', type: 'text' })
  type!: AttributeType;

  /** The allowed values of a `list` attribute; empty for the other types. */
  @Column({ name: 'options', type: 'text', array: true, default: () => "'{}'" })
  options!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
