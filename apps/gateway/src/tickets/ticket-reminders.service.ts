import { Injectable } from '@nestjs/common';
import { SUBJECTS, type TicketReminderView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { actorOf, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { CreateReminderBody } from './dto/ticket.dto';

/** Follow-up reminders on the agent's workspace's tickets. */
@Injectable()
export class TicketRemindersService {
  constructor(private readonly rpc: RpcClient) {}

  create(
    agent: AuthenticatedAgent,
    ticketId: string,
    body: CreateReminderBody,
  ): Promise<TicketReminderView> {
    return this.rpc.request(SUBJECTS.crm.createTicketReminder, {
      workspaceId: agent.workspaceId,
      ticketId,
      actor: actorOf(agent),
      remindAt: body.remindAt,
      ...pick(body, ['note']),
    });
  }

  list(agent: AuthenticatedAgent, ticketId: string): Promise<TicketReminderView[]> {
    return this.rpc.request(SUBJECTS.crm.listTicketReminders, {
      workspaceId: agent.workspaceId,
      ticketId,
    });
  }

  cancel(
    agent: AuthenticatedAgent,
    ticketId: string,
    reminderId: string,
  ): Promise<TicketReminderView> {
    return this.rpc.request(SUBJECTS.crm.cancelTicketReminder, {
      workspaceId: agent.workspaceId,
      ticketId,
      reminderId,
    });
  }
}
