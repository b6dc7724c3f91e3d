import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

// The one customer record; how to reach them on each channel lives in CustomerIdentity.
@Entity({ schema: 'crm', name: 'customers' })
@Index('ix_customers_workspace', ['workspaceId', 'createdAt'])
@Index('ix_customers_workspace_updated', ['workspaceId', 'updatedAt', 'id'])
// A GIN index on the tags and prefix search on lower-cased text (text_pattern_ops): indexes
// TypeORM cannot describe, so it is told to leave them as the migration made them.
@Index('ix_customers_tags', { synchronize: false })
@Index('ix_customers_name_prefix', { synchronize: false })
@Index('ix_customers_email_prefix', { synchronize: false })
@Index('ix_customers_phone_prefix', { synchronize: false })
@Index('ix_customers_phone_digits', { synchronize: false })
export class Customer {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_customers' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'name', type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'email', type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'phone', type: 'text', nullable: true })
  phone!: string | null;

  /** Whether the email was verified (by the channel or a site): automatic linking trusts only these. */
  @Column({ name: 'email_verified', type: 'boolean', default: false })
  emailVerified!: boolean;

  @Column({ name: 'phone_verified', type: 'boolean', default: false })
  phoneVerified!: boolean;

  /** A BCP 47 tag such as `ja-JP`. */
  @Column({ name: 'locale', type: 'text', nullable: true })
  locale!: string | null;

  /** An IANA zone such as `Asia/Tokyo`. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'avatar_url', type: 'text', nullable: true })
  avatarUrl!: string | null;

  @Column({ name: 'company', type: 'text', nullable: true })
  company!: string | null;

  @Column({ name: 'tags', type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** VIP customers are routed first and may have their own SLA targets. */
  @Column({ name: 'vip', type: 'boolean', default: false })
  vip!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
