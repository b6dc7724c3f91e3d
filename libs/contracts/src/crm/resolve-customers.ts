import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ResolveCustomerRequest, type ResolveCustomerReply } from './resolve-customer';

/** The most identities one `crm.customer.resolve-many` request may carry. */
export const MAX_RESOLVE_MANY = 64;

/**
 * `crm.customer.resolve-many` (request/reply): `crm.customer.resolve` for many channel
 * identities at once (of any workspaces), in one transaction. Each item is answered exactly as
 * `crm.customer.resolve` would answer it, in the order given; the same identity twice is one
 * customer (the first item says `created`). The request fails or succeeds as a whole, so a
 * caller whose batch failed may ask again item by item.
 */
export class ResolveCustomersRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RESOLVE_MANY)
  @ValidateNested({ each: true })
  @Type(() => ResolveCustomerRequest)
  items!: ResolveCustomerRequest[];
}

export interface ResolveCustomersReply {
  /** One answer per item, in the request's order. */
  customers: ResolveCustomerReply[];
}
