import { randomUUID } from 'node:crypto';
import type { ConversationView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import type { Database, RpcClient } from '@hub/service-kit';
import { AssignmentOutcome } from '../src/manual-assignment/assignment-outcome';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { RoutingTestbed } from './support/routing-testbed';

// What a manual transfer answers when its decision could not be applied by the request itself.
// The route rows are real; the conversation service's reply is a stand-in that answers with the
// route's agent (this testbed runs routing without NATS).
describe('the answer to a manual change not applied by its own request', () => {
  let bed: RoutingTestbed;
  let outcome: AssignmentOutcome;
  const asked: string[] = [];

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_outcome');
    const rpc = {
      request: async (_contract: unknown, { conversationId }: { conversationId: string }) => {
        asked.push(conversationId);
        const route = await bed.route(conversationId);
        return { id: conversationId, assigneeId: route?.agentId ?? null } as ConversationView;
      },
    };
    outcome = new AssignmentOutcome(
      { dataSource: bed.replicas[0] } as unknown as Database,
      rpc as unknown as RpcClient,
    );
  });

  afterAll(() => bed.stop());

  /** A conversation transferred from one agent to another, its transfer not yet applied. */
  async function transferred() {
    const workspaceId = randomUUID();
    const owner = await bed.agent(workspaceId);
    const { conversationId } = await bed.arrive(workspaceId, null);
    await bed.sql(
      `update routing.routes set applied_agent_id = agent_id where conversation_id = $1`,
      [conversationId],
    );
    const colleague = await bed.agent(workspaceId);
    await bed.locked(workspaceId, (data, effects) =>
      transferConversation(
        data,
        {
          workspaceId,
          conversationId,
          actor: { agentId: owner, role: AgentRole.Agent },
          toAgentId: colleague,
        },
        effects,
      ),
    );
    return { workspaceId, conversationId, colleague };
  }

  const lease = (conversationId: string) =>
    bed.sql(
      `update routing.routes set apply_lease_until = now() + interval '15 seconds'
        where conversation_id = $1`,
      [conversationId],
    );

  it('waits while another process holds the lease, and answers once that process applied it', async () => {
    const { workspaceId, conversationId, colleague } = await transferred();
    await lease(conversationId);

    const answer = outcome.of(workspaceId, conversationId, undefined);
    // The holder (the applier of the decision before) applies this one as its next step.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await bed.sql(
      `update routing.routes set applied_agent_id = agent_id, apply_lease_until = null
        where conversation_id = $1`,
      [conversationId],
    );

    await expect(answer).resolves.toMatchObject({ id: conversationId, assigneeId: colleague });
    expect(asked).toContain(conversationId);
  });

  it('answers ROUTING_APPLY_PENDING at once when the apply failed and waits for its retry', async () => {
    const { workspaceId, conversationId } = await transferred();

    await expect(outcome.of(workspaceId, conversationId, undefined)).rejects.toMatchObject({
      code: 'ROUTING_APPLY_PENDING',
    });
  });

  it('answers ROUTING_APPLY_PENDING when the lease holder does not apply it in time', async () => {
    const { workspaceId, conversationId } = await transferred();
    await lease(conversationId);

    await expect(outcome.of(workspaceId, conversationId, undefined)).rejects.toMatchObject({
      code: 'ROUTING_APPLY_PENDING',
    });
  });
});
