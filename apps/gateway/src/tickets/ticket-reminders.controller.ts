import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { TicketReminderView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CreateReminderBody, TicketParams, TicketReminderParams } from './dto/ticket.dto';
import { TicketRemindersService } from './ticket-reminders.service';
import { TicketReminderViewSchema } from './ticket-view-schemas';

const NOT_FOUND = {
  status: 404,
  description: 'TICKET_NOT_FOUND (also for a ticket of another workspace)',
};

@ApiController('tickets/:ticketId/reminders', 'tickets')
export class TicketRemindersController {
  constructor(private readonly reminders: TicketRemindersService) {}

  @Post()
  @ApiOperation({
    summary: 'Set a follow-up reminder',
    description:
      'When it is due, the ticket’s assignee (or, when nobody has it, you) gets a ' +
      '`ticket.reminder` frame on the agent socket.',
  })
  @ApiCreatedResponse({ type: TicketReminderViewSchema })
  @ApiErrors(NOT_FOUND)
  create(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
    @Body() body: CreateReminderBody,
  ): Promise<TicketReminderView> {
    return this.reminders.create(agent, ticketId, body);
  }

  @Get()
  @ApiOperation({ summary: 'The ticket’s reminders, soonest first (sent ones with notifiedAt)' })
  @ApiOkResponse({ type: [TicketReminderViewSchema] })
  @ApiErrors(NOT_FOUND)
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId }: TicketParams,
  ): Promise<TicketReminderView[]> {
    return this.reminders.list(agent, ticketId);
  }

  @Delete(':reminderId')
  @ApiOperation({ summary: 'Cancel a reminder' })
  @ApiOkResponse({ type: TicketReminderViewSchema })
  @ApiErrors({ status: 404, description: 'TICKET_REMINDER_NOT_FOUND' })
  cancel(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { ticketId, reminderId }: TicketReminderParams,
  ): Promise<TicketReminderView> {
    return this.reminders.cancel(agent, ticketId, reminderId);
  }
}
