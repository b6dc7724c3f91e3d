import { Injectable } from '@nestjs/common';
import { SUBJECTS, type SlaTicketPage, type TicketPage } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

/** Tickets and their SLA standing: routing keeps the clocks, crm the tickets. */
@Injectable()
export class TicketSla {
  constructor(private readonly rpc: RpcClient) {}

  async annotate(agent: AuthenticatedAgent, page: TicketPage): Promise<SlaTicketPage> {
    const standings = await this.rpc.request(SUBJECTS.routing.slaStandings, {
      workspaceId: agent.workspaceId,
      subjectIds: page.items.map((ticket) => ticket.id),
    });
    const byTicket = new Map(standings.map(({ subjectId, ...sla }) => [subjectId, sla]));
    return {
      items: page.items.map((ticket) => ({ ...ticket, sla: byTicket.get(ticket.id) ?? null })),
      nextCursor: page.nextCursor,
    };
  }
}
