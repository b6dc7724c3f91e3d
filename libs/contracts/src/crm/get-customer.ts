import { IsEntityId } from '../common/validators';

/** `crm.customer.get` → CustomerView or CUSTOMER_NOT_FOUND. */
export class GetCustomerRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
}
