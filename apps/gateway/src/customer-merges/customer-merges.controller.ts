import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CustomerMergeView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { CustomerMergeViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomerMergesService } from './customer-merges.service';
import { CustomerMergeParams, MergeCustomersBody, MergeIntoParams } from './dto/customer-merge.dto';

// Any agent may merge and undo: keeping the customer record whole is agents' daily work, and
// every merge can be undone exactly.
@ApiController('customer-merges', 'customers')
export class CustomerMergesController {
  constructor(private readonly merges: CustomerMergesService) {}

  @Post(':mergeId/undo')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Undo a merge: both customers as they were, with what arrived since on the merged ' +
      "customer's identities back on it",
  })
  @ApiOkResponse({ type: CustomerMergeViewSchema })
  @ApiErrors(
    { status: 404, description: 'CUSTOMER_MERGE_NOT_FOUND (also for another workspace)' },
    {
      status: 409,
      description:
        'CUSTOMER_MERGE_ALREADY_UNDONE, or CUSTOMER_MERGE_UNDO_BLOCKED: the surviving customer ' +
        'was merged into another since (undo that first) or erased',
    },
  )
  undo(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { mergeId }: CustomerMergeParams,
  ): Promise<CustomerMergeView> {
    return this.merges.undo(agent, mergeId);
  }
}

/** `POST /customers/:customerId/merge`: the route sits under the customer that survives. */
@ApiController('customers', 'customers')
export class MergeIntoCustomerController {
  constructor(private readonly merges: CustomerMergesService) {}

  @Post(':customerId/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge another customer into this one: identities, conversations, tickets, orders, notes, ' +
      'attributes and visits follow; recorded, and undone exactly by POST /customer-merges/{mergeId}/undo',
  })
  @ApiOkResponse({ type: CustomerMergeViewSchema })
  @ApiErrors(
    { status: 400, description: 'CUSTOMER_MERGE_SAME: a customer merged with itself' },
    {
      status: 404,
      description: 'CUSTOMER_NOT_FOUND: either customer (also one of another workspace)',
    },
    {
      status: 409,
      description: 'CUSTOMER_ALREADY_MERGED: either customer was merged into another already',
    },
  )
  merge(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: MergeIntoParams,
    @Body() { otherCustomerId }: MergeCustomersBody,
  ): Promise<CustomerMergeView> {
    return this.merges.merge(agent, { customerId, otherCustomerId });
  }
}
