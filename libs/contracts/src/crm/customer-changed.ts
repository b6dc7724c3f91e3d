import { IsArray, IsBoolean, IsIn, IsISO8601, IsString, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { CRM_ACTOR_TYPES, type CrmActorType } from './crm-actor';

/** What a customer write did; one event per write. */
export const CUSTOMER_ACTIONS = [
  'created',
  'updated',
  'identity_added',
  'identity_removed',
  'identity_linked',
  'note_added',
  'order_saved',
  'suggestion_accepted',
  'suggestion_dismissed',
] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

/**
 * `evt.crm.customer.changed.v1`: crm committed a write of a customer record (its fields, tags,
 * VIP flag, attributes, identities, notes or orders). Written through crm's outbox; `eventId` is
 * the `Nats-Msg-Id`. `changes` lists each field with its old and new value (`from: null` for
 * what was created); a note's body is not copied into the event.
 */
export class CustomerChanged {
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsISO8601() occurredAt!: string;
  @IsEntityId() customerId!: string;
  @IsIn(CUSTOMER_ACTIONS) action!: CustomerAction;
  /** The customer is a VIP after the write (what routing and SLA policies read). */
  @IsBoolean() vip!: boolean;
  @IsArray() changes!: { field: string; from: unknown; to: unknown }[];
  @IsIn(CRM_ACTOR_TYPES) actorType!: CrmActorType;
  @ValidateIf((_, v) => v !== null) @IsEntityId() actorId!: string | null;
}
