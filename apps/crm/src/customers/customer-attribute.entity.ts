import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Customer } from './customer.entity';

@Entity({ schema: 'crm', name: 'customer_attributes' })
// Search by attribute value within a workspace.
@Index('ix_customer_attributes_value', ['workspaceId', 'key', 'value'])
export class CustomerAttribute {
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({
    name: 'customer_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_customer_attributes',
  })
  @ForeignKey(() => Customer, { name: 'fk_customer_attributes_customer', onDelete: 'CASCADE' })
  customerId!: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'pk_customer_attributes' })
  key!: string;

  @Column({ name: 'value', type: 'jsonb' })
  value!: unknown;
}
