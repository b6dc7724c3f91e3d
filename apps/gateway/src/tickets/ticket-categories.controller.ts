import { Body, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { TicketCategoryView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CreateCategoryBody, RenameCategoryBody, TicketCategoryParams } from './dto/ticket.dto';
import { TicketCategoriesService } from './ticket-categories.service';
import { TicketCategoryViewSchema } from './ticket-view-schemas';

const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: supervisors and admins only' };
const NOT_FOUND = { status: 404, description: 'TICKET_CATEGORY_NOT_FOUND' };
const NAME_TAKEN = { status: 409, description: 'TICKET_CATEGORY_NAME_TAKEN' };

@ApiController('ticket-categories', 'tickets')
export class TicketCategoriesController {
  constructor(private readonly categories: TicketCategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'The workspace’s ticket categories: each top one, then its children' })
  @ApiOkResponse({ type: [TicketCategoryViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<TicketCategoryView[]> {
    return this.categories.list(agent);
  }

  @Post()
  @ApiOperation({ summary: 'Add a category, at the top or under a top one (one level)' })
  @ApiCreatedResponse({ type: TicketCategoryViewSchema })
  @ApiErrors(FORBIDDEN, NOT_FOUND, NAME_TAKEN, {
    status: 400,
    description: 'TICKET_CATEGORY_TOO_DEEP: the parent is itself a child',
  })
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CreateCategoryBody,
  ): Promise<TicketCategoryView> {
    return this.categories.create(agent, body);
  }

  @Patch(':categoryId')
  @ApiOperation({ summary: 'Rename a category' })
  @ApiOkResponse({ type: TicketCategoryViewSchema })
  @ApiErrors(FORBIDDEN, NOT_FOUND, NAME_TAKEN)
  rename(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { categoryId }: TicketCategoryParams,
    @Body() body: RenameCategoryBody,
  ): Promise<TicketCategoryView> {
    return this.categories.rename(agent, categoryId, body);
  }

  @Delete(':categoryId')
  @ApiOperation({ summary: 'Delete a category no ticket and no child uses' })
  @ApiOkResponse({ type: TicketCategoryViewSchema })
  @ApiErrors(FORBIDDEN, NOT_FOUND, {
    status: 409,
    description: 'TICKET_CATEGORY_IN_USE: it has children or tickets',
  })
  delete(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { categoryId }: TicketCategoryParams,
  ): Promise<TicketCategoryView> {
    return this.categories.delete(agent, categoryId);
  }
}
