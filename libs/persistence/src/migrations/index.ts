import type { MigrationInterface } from 'typeorm';
import { CreateServiceSchemas1795500000000 } from './1795500000000-CreateServiceSchemas';
import { CreateGatewayTables1795500001000 } from './1795500001000-CreateGatewayTables';
import { CreateRoutingTables1795500002000 } from './1795500002000-CreateRoutingTables';
import { CreateConversationTables1795500003000 } from './1795500003000-CreateConversationTables';
import { CreateCrmTables1795500004000 } from './1795500004000-CreateCrmTables';
import { RoutingPresenceQueueAssignments1795600000000 } from './1795600000000-RoutingPresenceQueueAssignments';
import { CreateWebVisitorSessions1795700000000 } from './1795700000000-CreateWebVisitorSessions';
import { ConversationRecipientAgentMessageKeyOutbox1795800000000 } from './1795800000000-ConversationRecipientAgentMessageKeyOutbox';

// An explicit list, not a glob: it works the same from swc output in dist/ and under jest.
// Append new migrations at the end; never edit or reorder one that has shipped.
export const allMigrations: ReadonlyArray<new () => MigrationInterface> = [
  CreateServiceSchemas1795500000000,
  CreateGatewayTables1795500001000,
  CreateRoutingTables1795500002000,
  CreateConversationTables1795500003000,
  CreateCrmTables1795500004000,
  RoutingPresenceQueueAssignments1795600000000,
  CreateWebVisitorSessions1795700000000,
  ConversationRecipientAgentMessageKeyOutbox1795800000000,
];
