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

/**
 * `channel`: the person's id on the channel (visitor id, email address, PSID...);
 * `site-user`: a website's own id for its logged-in user, vouched for by the site (identify).
 */
export const IdentityKind = { Channel: 'channel', SiteUser: 'site-user' } as const;
export type IdentityKind = (typeof IdentityKind)[keyof typeof IdentityKind];

// The lookup every inbound message needs (which customer is this sender?), and the key that
// lets two racing first messages create only one customer.
@Entity({ schema: 'crm', name: 'customer_identities' })
@Unique('uq_customer_identities_workspace_channel_kind_external', [
  'workspaceId',
  'channel',
  'kind',
  'externalId',
])
@Index('ix_customer_identities_customer', ['customerId'])
// Prefix search on the lower-cased external id (text_pattern_ops), made by the migration.
@Index('ix_customer_identities_external_prefix', { synchronize: false })
@Check('ck_customer_identities_channel', sqlIn('channel', CHANNELS))
@Check('ck_customer_identities_kind', sqlIn('kind', Object.values(IdentityKind)))
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

  @Column({ name: 'kind', type: 'text', default: IdentityKind.Channel })
  kind!: IdentityKind;

  // The channel's id for the person: visitor id, email address, PSID, chat id...
  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** The channel (or an agent) verified that the person controls this id. */
  @Column({ name: 'verified', type: 'boolean', default: false })
  verified!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
