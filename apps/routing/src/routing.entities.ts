import { outboxEntity } from '@hub/outbox';
import { Route } from './acd/route.entity';
import { Agent } from './agents/agent.entity';
import { AgentInvitation } from './agents/agent-invitation.entity';
import { AgentStatus } from './agents/agent-status.entity';
import { BusinessHours } from './business-hours/business-hours.entity';
import { DepartmentAgent } from './departments/department-agent.entity';
import { Department } from './departments/department.entity';
import { AgentConnection } from './presence/agent-connection.entity';
import { SlaClock } from './sla/sla-clock.entity';
import { SlaPolicy } from './sla/sla-policy.entity';
import { SlaTicket } from './sla/sla-ticket.entity';
import { TicketConversation } from './ticket-priorities/ticket-conversation.entity';
import { TicketPriority } from './ticket-priorities/ticket-priority.entity';
import { HandlingTime } from './wait-estimates/handling-time.entity';

export const routingEntities = [
  Agent,
  AgentInvitation,
  AgentStatus,
  Department,
  DepartmentAgent,
  AgentConnection,
  Route,
  HandlingTime,
  TicketPriority,
  TicketConversation,
  outboxEntity('routing'),
  BusinessHours,
  SlaPolicy,
  SlaTicket,
  SlaClock,
];
