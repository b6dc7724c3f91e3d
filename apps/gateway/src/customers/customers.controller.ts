import { Body, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CustomerPage, CustomerView, LinkSuggestionView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { CustomerViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomerPageSchema, LinkSuggestionSchema } from './customer-schemas';
import { CustomersService } from './customers.service';
import {
  AddIdentityBody,
  CustomerBody,
  CustomerBodySchema,
  CustomerParams,
  DecideSuggestionBody,
  IdentityParams,
  SearchCustomersQuery,
  SuggestionParams,
} from './dto/customer.dto';

const NOT_FOUND = {
  status: 404,
  description: 'CUSTOMER_NOT_FOUND (also for a customer of another workspace)',
};
const ATTRIBUTE_ERRORS = {
  status: 400,
  description:
    'VALIDATION_FAILED, CUSTOMER_ATTRIBUTE_UNKNOWN (no such attribute defined) or ' +
    'CUSTOMER_ATTRIBUTE_INVALID (a value of the wrong type): nothing is changed',
};

@ApiController('customers', 'customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOperation({
    summary: 'Search customers by name, email, phone or channel id, tag and attribute value',
    description:
      'Give query, tag or attributeKey with attributeValue (one at least; together they all apply). ' +
      'Most recently updated first, a page at a time: pass nextCursor as cursor.',
  })
  @ApiOkResponse({ type: CustomerPageSchema })
  @ApiErrors({ status: 400, description: 'VALIDATION_FAILED or CURSOR_INVALID' })
  search(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: SearchCustomersQuery,
  ): Promise<CustomerPage> {
    return this.customers.search(agent, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a customer by hand (identities can be added after)' })
  @ApiBody({ type: CustomerBodySchema })
  @ApiCreatedResponse({ type: CustomerViewSchema })
  @ApiErrors(ATTRIBUTE_ERRORS)
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CustomerBody,
  ): Promise<CustomerView> {
    return this.customers.create(agent, body);
  }

  @Get(':customerId')
  @ApiOperation({ summary: 'One customer with its identities and attributes' })
  @ApiOkResponse({ type: CustomerViewSchema })
  @ApiErrors(NOT_FOUND)
  get(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<CustomerView> {
    return this.customers.get(agent, customerId);
  }

  @Patch(':customerId')
  @ApiOperation({
    summary: 'Edit a customer: the fields given (null clears one), tags, VIP, attributes',
  })
  @ApiBody({ type: CustomerBodySchema })
  @ApiOkResponse({ type: CustomerViewSchema })
  @ApiErrors(ATTRIBUTE_ERRORS, NOT_FOUND)
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
    @Body() body: CustomerBody,
  ): Promise<CustomerView> {
    return this.customers.update(agent, customerId, body);
  }

  @Post(':customerId/identities')
  @ApiOperation({ summary: "Add the customer's id on a channel" })
  @ApiCreatedResponse({ type: CustomerViewSchema })
  @ApiErrors(NOT_FOUND, {
    status: 409,
    description: 'CUSTOMER_IDENTITY_TAKEN: another customer holds that id on the channel',
  })
  addIdentity(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
    @Body() body: AddIdentityBody,
  ): Promise<CustomerView> {
    return this.customers.addIdentity(agent, customerId, body);
  }

  @Delete(':customerId/identities/:identityId')
  @ApiOperation({ summary: 'Take an identity off the customer' })
  @ApiOkResponse({ type: CustomerViewSchema })
  @ApiErrors(NOT_FOUND, { status: 404, description: 'CUSTOMER_IDENTITY_NOT_FOUND' })
  removeIdentity(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId, identityId }: IdentityParams,
  ): Promise<CustomerView> {
    return this.customers.removeIdentity(agent, { customerId, identityId });
  }

  @Get(':customerId/link-suggestions')
  @ApiOperation({
    summary: 'Other customers who may be the same person (same name, email or phone), pending',
  })
  @ApiOkResponse({ type: [LinkSuggestionSchema] })
  suggestions(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<LinkSuggestionView[]> {
    return this.customers.suggestions(agent, customerId);
  }

  @Post(':customerId/link-suggestions/:suggestionId')
  @ApiOperation({
    summary:
      "Accept (the other customer's identities move to this one) or dismiss a link suggestion",
  })
  @ApiCreatedResponse({ type: LinkSuggestionSchema })
  @ApiErrors(
    { status: 404, description: 'CUSTOMER_SUGGESTION_NOT_FOUND' },
    { status: 409, description: 'CUSTOMER_SUGGESTION_DECIDED' },
  )
  decide(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId, suggestionId }: SuggestionParams,
    @Body() body: DecideSuggestionBody,
  ): Promise<LinkSuggestionView> {
    return this.customers.decide(agent, { customerId, suggestionId }, body.decision);
  }
}
