import { Body, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AttributeDefinitionView, DeletedAttributeView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomerAttributesService } from './customer-attributes.service';
import { AttributeDefinitionSchema, DeletedAttributeSchema } from './customer-schemas';
import {
  AttributeParams,
  DefineAttributeBody,
  DefineAttributeSchema,
  UpdateAttributeBody,
  UpdateAttributeSchema,
} from './dto/customer.dto';

const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: supervisors and admins only' };

@ApiController('customer-attributes', 'customers')
export class CustomerAttributesController {
  constructor(private readonly attributes: CustomerAttributesService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's custom customer attributes, by key" })
  @ApiOkResponse({ type: [AttributeDefinitionSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<AttributeDefinitionView[]> {
    return this.attributes.list(agent);
  }

  @Post()
  @ApiOperation({
    summary: 'Define a custom attribute: text, number, date (YYYY-MM-DD), boolean or list',
  })
  @ApiBody({ type: DefineAttributeSchema })
  @ApiCreatedResponse({ type: AttributeDefinitionSchema })
  @ApiErrors(FORBIDDEN, { status: 409, description: 'CUSTOMER_ATTRIBUTE_EXISTS' })
  define(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: DefineAttributeBody,
  ): Promise<AttributeDefinitionView> {
    return this.attributes.define(agent, body);
  }

  @Patch(':definitionId')
  @ApiOperation({ summary: "Change an attribute's label or a list's options (never its type)" })
  @ApiBody({ type: UpdateAttributeSchema })
  @ApiOkResponse({ type: AttributeDefinitionSchema })
  @ApiErrors(FORBIDDEN, { status: 404, description: 'CUSTOMER_ATTRIBUTE_NOT_FOUND' })
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { definitionId }: AttributeParams,
    @Body() body: UpdateAttributeBody,
  ): Promise<AttributeDefinitionView> {
    return this.attributes.update(agent, definitionId, body);
  }

  @Delete(':definitionId')
  @ApiOperation({
    summary: 'Admin only: delete a custom attribute and every customer’s value of it',
    description:
      'In one transaction: the definition is removed, its value is removed from each customer ' +
      'that had one (audited, and announced as a `customer.updated` change of ' +
      '`attributes.<key>` to null). Answers how many values went.',
  })
  @ApiOkResponse({ type: DeletedAttributeSchema })
  @ApiErrors(
    { status: 403, description: 'AUTH_FORBIDDEN: admins only' },
    { status: 404, description: 'CUSTOMER_ATTRIBUTE_NOT_FOUND' },
  )
  delete(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { definitionId }: AttributeParams,
  ): Promise<DeletedAttributeView> {
    return this.attributes.delete(agent, definitionId);
  }
}
