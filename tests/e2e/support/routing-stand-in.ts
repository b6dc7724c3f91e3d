import type { NatsConnection } from '@nats-io/transport-node';
import { SUBJECTS, type AgentView, type GetAgentRequest } from '@hub/contracts';
import type { AgentRole } from '@hub/domain';
import { namespacedSubject } from '@hub/messaging';

/**
 * For suites that do not start routing: answers `routing.agent.get`, which conversation asks
 * for each acting agent's current role, as routing would for `agents` (AGENT_NOT_FOUND for
 * anyone else). Replies as Nest's NATS server does.
 */
export function standInForRouting(
  nc: NatsConnection,
  namespace: string,
  agents: readonly { agentId: string; role: AgentRole }[],
): void {
  nc.subscribe(namespacedSubject(namespace, SUBJECTS.routing.getAgent.subject), {
    callback: (_error, message) => {
      const { id, data } = message.json<{ id: string; data: GetAgentRequest }>();
      const known = agents.find((agent) => agent.agentId === data.agentId);
      if (!known) {
        const err = { status: 404, code: 'AGENT_NOT_FOUND', message: 'No such agent' };
        message.respond(JSON.stringify({ id, err, isDisposed: true }));
        return;
      }
      const response: AgentView = {
        id: known.agentId,
        workspaceId: data.workspaceId,
        name: 'Agent',
        locale: 'en',
        avatarUrl: null,
        email: `${known.agentId}@example.test`,
        role: known.role,
        active: true,
        maxConcurrentChats: 3,
        presence: 'online',
        activeChats: 0,
        departmentIds: [],
      };
      message.respond(JSON.stringify({ id, response, isDisposed: true }));
    },
  });
}
