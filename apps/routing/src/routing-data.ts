import { DrainSnapshotQuery } from './acd/drain-snapshot.query';
import { RoutesRepository } from './acd/routes.repository';
import { AgentInvitationsRepository } from './agents/agent-invitations.repository';
import { AgentsRepository } from './agents/agents.repository';
import { DepartmentsRepository } from './departments/departments.repository';
import { PresenceRepository } from './presence/presence.repository';
import { QueueRepository } from './queues/queue.repository';
import type { Queryable } from './sql';
import { TicketPrioritiesRepository } from './ticket-priorities/ticket-priorities.repository';
import { HandlingTimesRepository } from './wait-estimates/handling-times.repository';
import { WaitBasisQuery } from './wait-estimates/wait-basis.query';

/**
 * Routing's repositories, bound to one connection: what locked work gets, on the transaction
 * holding the workspace lock (`inWorkspaceLock`). Repositories are the only code that holds
 * SQL; services outside the lock build the one they need on the pool.
 */
export interface RoutingData {
  routes: RoutesRepository;
  queue: QueueRepository;
  drainSnapshot: DrainSnapshotQuery;
  agents: AgentsRepository;
  invitations: AgentInvitationsRepository;
  departments: DepartmentsRepository;
  presence: PresenceRepository;
  handlingTimes: HandlingTimesRepository;
  waitBasis: WaitBasisQuery;
  ticketPriorities: TicketPrioritiesRepository;
}

export function routingData(db: Queryable): RoutingData {
  return {
    routes: new RoutesRepository(db),
    queue: new QueueRepository(db),
    drainSnapshot: new DrainSnapshotQuery(db),
    agents: new AgentsRepository(db),
    invitations: new AgentInvitationsRepository(db),
    departments: new DepartmentsRepository(db),
    presence: new PresenceRepository(db),
    handlingTimes: new HandlingTimesRepository(db),
    waitBasis: new WaitBasisQuery(db),
    ticketPriorities: new TicketPrioritiesRepository(db),
  };
}
