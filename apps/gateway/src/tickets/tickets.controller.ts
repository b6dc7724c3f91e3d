import {
  Body,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { SlaTicketPage, TicketHistoryEntry, TicketView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import {
  CreateTicketBody,
  LinkConversationBody,
  ListTicketsQuery,
  TicketConversationParams,
  TicketParams,
  TransferTicketBody,
  UpdateTicketBody,
} from './dto/ticket.dto';
import { TicketEtagInterceptor } from './ticket-etag.interceptor';
import { TicketsService } from './tickets.service';
import {
  TicketHistoryEntrySchema,
  TicketPageSchema,
  TicketViewSchema,
} from './ticket-view-schemas';

const NOT_FOUND = {
  status: 404,
  description: 'TICKET_NOT_FOUND (also for a ticket of another workspace)',
};
const WRITE_ERRORS = [
  NOT_FOUND,
  {
    status: 403,
    description: 'TICKET_NOT_ASSIGNED_TO_YOU: agents change tickets nobody or they have',
  },
  {
    status: 409,
    description:
      'TICKET_CONFLICT (changed since the version read: read it again), ' +
      'TICKET_ILLEGAL_TRANSITION (the workflow forbids the status change), TICKET_CLOSED',
  },
  { status: 428, description: 'TICKET_VERSION_REQUIRED: send If-Match or version' },
];
const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The ticket version read, e.g. "3" (or send version in the body)',
});

// Every answer that is one ticket carries its version as the ETag, for If-Match.
@ApiController('tickets', 'tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({ summary: 'Tickets, newest first, filtered, a page at a time (cursor)' })
  @ApiOkResponse({ type: TicketPageSchema })
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: ListTicketsQuery,
  ): Promise<SlaTicketPage> {
    return this.tickets.list(agent, query);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Post()
  @ApiOperation({
    summary: 'Open a ticket for a customer, or turn a conversation into one',
    description:
      'With conversationId the conversation is linked at once and, without customerId, its ' +
      'customer is the requester. A conversation already linked to a ticket is refused.',
  })
  @ApiCreatedResponse({ type: TicketViewSchema })
  @ApiErrors(
    {
      status: 404,
      description:
        'CUSTOMER_NOT_FOUND, CONVERSATION_NOT_FOUND, AGENT_NOT_FOUND, DEPARTMENT_NOT_FOUND or TICKET_CATEGORY_NOT_FOUND',
    },
    { status: 409, description: 'TICKET_CONVERSATION_LINKED' },
  )
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: CreateTicketBody,
  ): Promise<TicketView> {
    return this.tickets.create(agent, body);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Get(':ticketId')
  @ApiOperation({ summary: 'One ticket' })
  @ApiOkResponse({ type: TicketViewSchema })
  @ApiErrors(NOT_FOUND)
  get(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
  ): Promise<TicketView> {
    return this.tickets.get(agent, ticketId);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Patch(':ticketId')
  @IF_MATCH
  @ApiOperation({
    summary: 'Change a ticket read at a version (status, priority, category, tags, due time...)',
    description:
      'Fields left out stay. A change made by someone else since the version read is a 409 ' +
      'TICKET_CONFLICT and nothing is written.',
  })
  @ApiOkResponse({ type: TicketViewSchema })
  @ApiErrors(...WRITE_ERRORS)
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
    @Body() body: UpdateTicketBody,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TicketView> {
    return this.tickets.update(agent, ticketId, body, ifMatch);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Post(':ticketId/transfer')
  @HttpCode(200)
  @IF_MATCH
  @ApiOperation({ summary: 'Transfer to an agent or a department, with a note for the history' })
  @ApiOkResponse({ type: TicketViewSchema })
  @ApiErrors(...WRITE_ERRORS)
  transfer(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
    @Body() body: TransferTicketBody,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TicketView> {
    return this.tickets.transfer(agent, ticketId, body, ifMatch);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Post(':ticketId/conversations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link a conversation (any channel) to the ticket' })
  @ApiOkResponse({ type: TicketViewSchema })
  @ApiErrors(NOT_FOUND, {
    status: 409,
    description: 'TICKET_CONVERSATION_LINKED (to another ticket) or TICKET_CLOSED',
  })
  link(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
    @Body() { conversationId }: LinkConversationBody,
  ): Promise<TicketView> {
    return this.tickets.link(agent, ticketId, conversationId);
  }

  @UseInterceptors(TicketEtagInterceptor)
  @Delete(':ticketId/conversations/:conversationId')
  @ApiOperation({ summary: 'Unlink a conversation from the ticket' })
  @ApiOkResponse({ type: TicketViewSchema })
  @ApiErrors(
    { status: 404, description: 'TICKET_NOT_FOUND or TICKET_CONVERSATION_NOT_LINKED' },
    { status: 409, description: 'TICKET_CLOSED' },
  )
  unlink(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId, conversationId }: TicketConversationParams,
  ): Promise<TicketView> {
    return this.tickets.unlink(agent, ticketId, conversationId);
  }

  @Get(':ticketId/history')
  @ApiOperation({ summary: 'Every change of the ticket, oldest first: who, when, old and new' })
  @ApiOkResponse({ type: [TicketHistoryEntrySchema] })
  @ApiErrors(NOT_FOUND)
  history(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
  ): Promise<TicketHistoryEntry[]> {
    return this.tickets.history(agent, ticketId);
  }
}
