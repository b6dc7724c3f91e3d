import { Channel, CHANNELS } from '@hub/domain';
import { sqlIn } from '@hub/persistence';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Customer } from './customer.entity';

// The lookup every inbound message needs (which customer is this sender?), and the key that
// lets two racing first messages create only one customer.
@Entity({ schema: 'crm', name: 'customer_identities' })
@Unique('uq_customer_identities_workspace_channel_external', [
  'workspaceId',
  'channel',
  'externalId',
])
@Index('ix_customer_identities_customer', ['customerId'])
@Check('ck_customer_identities_channel', sqlIn('channel', CHANNELS))
export class CustomerIdentity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_customer_identities',
  })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_customer_identities_customer', onDelete: 'CASCADE' })
  customerId!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: Channel;

  // The channel's id for the person: visitor id, email address, PSID, chat id...
  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
