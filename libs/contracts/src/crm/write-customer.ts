import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { CrmActor } from './crm-actor';
import { CustomerFields } from './customer-fields';

/**
 * `crm.customer.create` → CustomerView: a customer an agent or integrator enters by hand (no
 * channel identity yet). Unknown attribute keys or values of the wrong type →
 * CUSTOMER_ATTRIBUTE_UNKNOWN / CUSTOMER_ATTRIBUTE_INVALID, and nothing is created.
 */
export class CreateCustomerRequest extends CustomerFields {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
}

export const CUSTOMER_CHANGE_FIELDS = [
  'name',
  'email',
  'phone',
  'emailVerified',
  'phoneVerified',
  'locale',
  'timeZone',
  'avatarUrl',
  'company',
  'vip',
  'tags',
  'attributes',
] as const;

/**
 * `crm.customer.update` → CustomerView: changes the fields given (at least one of
 * {@link CUSTOMER_CHANGE_FIELDS}, else VALIDATION_FAILED). Attribute
 * values are checked against the definitions first: one bad value refuses the whole write.
 */
export class UpdateCustomerRequest extends CustomerFields {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() customerId!: string;
}
