import { bigintToNumber } from '@hub/persistence';
import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Customer } from '../customers/customer.entity';

export interface OrderItem {
  name: string;
  quantity: number;
  unitCents: number;
  sku?: string;
}

// Imported from the shop: externalId is the shop's order number and status its own word.
@Entity({ schema: 'crm', name: 'orders' })
@Unique('uq_orders_workspace_external', ['workspaceId', 'externalId'])
@Index('ix_orders_customer', ['customerId', 'orderedAt'])
@Check('ck_orders_currency', `currency ~ '^[A-Z]{3}$'`)
export class Order {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_orders' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_orders_customer', onDelete: 'CASCADE' })
  customerId!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'total_cents', type: 'bigint', transformer: bigintToNumber })
  totalCents!: number;

  // ISO 4217, upper case.
  @Column({ name: 'currency', type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'items', type: 'jsonb', default: [] })
  items!: OrderItem[];

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt!: Date;

  /** The last time the shop pushed the order. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
