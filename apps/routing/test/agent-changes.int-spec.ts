import { randomUUID } from 'node:crypto';
import type { TransferConversationRequest } from '@hub/contracts';
import { AgentPresence, AgentRole } from '@hub/domain';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { RoutingTestbed } from './support/routing-testbed';

// What an admin's change (routing.agent.update) does to the agent's rights inside routing.
describe('agents changed by an admin', () => {
  let bed: RoutingTestbed;
  let workspaceId: string;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_agent_changes');
  });

  beforeEach(() => {
    workspaceId = randomUUID();
  });

  afterAll(() => bed.stop());

  /** A new conversation, and a request by `supervisor` (so the request says) to move it. */
  async function transferRequest(supervisor: string, toAgentId: string) {
    const { conversationId } = await bed.arrive(workspaceId, null);
    const request: TransferConversationRequest = {
      workspaceId,
      conversationId,
      actor: { agentId: supervisor, role: AgentRole.Supervisor },
      toAgentId,
    };
    return { conversationId, request };
  }

  it('judges a demoted supervisor by the new role, whatever the request claims', async () => {
    // Only the holder is online, so the conversation is theirs, not the supervisor's.
    const away = { presence: AgentPresence.Away };
    const supervisor = await bed.agent(workspaceId, { role: AgentRole.Supervisor, ...away });
    const target = await bed.agent(workspaceId, away);
    const holder = await bed.agent(workspaceId);
    const { conversationId, request } = await transferRequest(supervisor, target);
    const before = await bed.route(conversationId);
    expect(before).toMatchObject({ state: 'assigned', agentId: holder });

    expect(
      await bed.data.agents.update({ workspaceId, agentId: supervisor, role: AgentRole.Agent }),
    ).toBe(true);

    await expect(
      bed.locked(workspaceId, (data, effects) => transferConversation(data, request, effects)),
    ).rejects.toMatchObject({ code: 'ROUTING_TRANSFER_FORBIDDEN' });
    expect(await bed.route(conversationId)).toEqual(before);
  });

  it('treats a deactivated agent as unknown: no acting, no login, still listed as inactive', async () => {
    const supervisor = await bed.agent(workspaceId, { role: AgentRole.Supervisor });
    const target = await bed.agent(workspaceId);
    const { request } = await transferRequest(supervisor, target);
    const email = `${supervisor}@example.test`;
    expect(await bed.data.agents.credentials(workspaceId, email)).toBeDefined();

    await bed.data.agents.update({ workspaceId, agentId: supervisor, active: false });

    await expect(
      bed.locked(workspaceId, (data, effects) => transferConversation(data, request, effects)),
    ).rejects.toMatchObject({ code: 'ROUTING_ACTOR_UNKNOWN' });
    expect(await bed.data.agents.credentials(workspaceId, email)).toBeUndefined();
    expect(await bed.data.agents.view(workspaceId, supervisor)).toMatchObject({
      role: AgentRole.Supervisor,
      active: false,
    });
  });

  it('changes nobody in another workspace', async () => {
    const agent = await bed.agent(workspaceId);

    expect(
      await bed.data.agents.update({ workspaceId: randomUUID(), agentId: agent, active: false }),
    ).toBe(false);
    expect(await bed.data.agents.view(workspaceId, agent)).toMatchObject({ active: true });
  });
});
