import { randomUUID } from 'node:crypto';
import type { TransferConversationRequest, UpdateAgentRequest } from '@hub/contracts';
import { AgentPresence, AgentRole } from '@hub/domain';
import { changeAgent } from '../src/agents/update-agent.use-case';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { RoutingTestbed } from './support/routing-testbed';

// What an admin's change (routing.agent.update) does to the agent's rights inside routing.
describe('agents changed by an admin', () => {
  let bed: RoutingTestbed;
  let workspaceId: string;

  beforeAll(async () => {
    // Two replicas: concurrent changes come from separate routing processes.
    bed = await RoutingTestbed.start('routing_agent_changes', 2);
  });

  beforeEach(() => {
    workspaceId = randomUUID();
  });

  afterAll(() => bed.stop());

  /** `actor` asks routing (on `replica`) to change `agentId`. */
  function change(
    actor: string,
    agentId: string,
    fields: Pick<UpdateAgentRequest, 'role' | 'active' | 'avatarUrl'>,
    replica = bed.replicas[0],
  ) {
    const request: UpdateAgentRequest = {
      workspaceId,
      agentId,
      actor: { agentId: actor, role: AgentRole.Admin },
      ...fields,
    };
    return changeAgent(replica, request);
  }

  async function updatedAt(agentId: string): Promise<Date> {
    const [row] = await bed.sql<{ updatedAt: Date }>(
      `select updated_at as "updatedAt" from routing.agents where id = $1`,
      [agentId],
    );
    return row.updatedAt;
  }

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

  it('answers the agent as they are, writing nothing, when the change is what they already are', async () => {
    const admin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    const agent = await bed.agent(workspaceId);
    const before = await updatedAt(agent);

    const reply = await change(admin, agent, { role: AgentRole.Agent, active: true });

    expect(reply).toEqual({
      agent: await bed.data.agents.view(workspaceId, agent),
      changed: false,
      detailsChanged: false,
    });
    expect(reply.agent).toMatchObject({ id: agent, role: AgentRole.Agent, active: true });
    expect(await updatedAt(agent)).toEqual(before);
  });

  it('sets and removes the avatar visitors see without flagging a change that ends sessions', async () => {
    const admin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    const agent = await bed.agent(workspaceId);
    const avatarUrl = 'https://cdn.example.com/alice.png';

    const set = await change(admin, agent, { avatarUrl });
    const again = await change(admin, agent, { avatarUrl });
    const removed = await change(admin, agent, { avatarUrl: null });

    expect(set).toMatchObject({ changed: false, detailsChanged: true, agent: { avatarUrl } });
    expect(again).toMatchObject({ changed: false, detailsChanged: false });
    expect(removed).toMatchObject({
      changed: false,
      detailsChanged: true,
      agent: { avatarUrl: null },
    });
    expect(await bed.data.agents.view(workspaceId, agent)).toMatchObject({ avatarUrl: null });
  });

  it('refuses an avatar change by a non-admin', async () => {
    const supervisor = await bed.agent(workspaceId, { role: AgentRole.Supervisor });
    const agent = await bed.agent(workspaceId);

    await expect(
      change(supervisor, agent, { avatarUrl: 'https://cdn.example.com/x.png' }),
    ).rejects.toMatchObject({ code: 'ROUTING_ADMIN_ONLY' });
    expect(await bed.data.agents.view(workspaceId, agent)).toMatchObject({ avatarUrl: null });
  });

  it('answers the changed agent, flagged as changed', async () => {
    const admin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    const agent = await bed.agent(workspaceId);

    const reply = await change(admin, agent, { role: AgentRole.Supervisor });

    expect(reply).toEqual({
      agent: await bed.data.agents.view(workspaceId, agent),
      changed: true,
      detailsChanged: false,
    });
    expect(reply.agent).toMatchObject({ role: AgentRole.Supervisor, active: true });
  });

  it('refuses to demote or deactivate the last active admin, be it themselves; a deactivated admin does not count', async () => {
    const admin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    const formerAdmin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    await bed.data.agents.update({ workspaceId, agentId: formerAdmin, active: false });

    for (const fields of [{ role: AgentRole.Supervisor }, { active: false }]) {
      await expect(change(admin, admin, fields)).rejects.toMatchObject({
        code: 'ROUTING_LAST_ADMIN',
      });
    }
    expect(await bed.data.agents.view(workspaceId, admin)).toMatchObject({
      role: AgentRole.Admin,
      active: true,
    });
  });

  it('lets an admin be demoted while another active admin remains', async () => {
    const admin = await bed.agent(workspaceId, { role: AgentRole.Admin });
    const other = await bed.agent(workspaceId, { role: AgentRole.Admin });

    const reply = await change(admin, other, { active: false });

    expect(reply).toMatchObject({ changed: true, agent: { role: AgentRole.Admin, active: false } });
    await expect(change(admin, admin, { role: AgentRole.Agent })).rejects.toMatchObject({
      code: 'ROUTING_LAST_ADMIN',
    });
  });

  it('lets exactly one of two last admins step down when both try at once on two replicas', async () => {
    // Many workspaces at once, so that without the lock some pair would both read two admins.
    const pairs = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const ws = randomUUID();
        const first = await bed.agent(ws, { role: AgentRole.Admin });
        const second = await bed.agent(ws, { role: AgentRole.Admin });
        return { workspaceId: ws, admins: [first, second] };
      }),
    );

    const outcomes = await Promise.all(
      pairs.map(({ workspaceId: ws, admins }) =>
        Promise.allSettled(
          admins.map((admin, i) =>
            changeAgent(bed.replicas[i], {
              workspaceId: ws,
              agentId: admin,
              actor: { agentId: admin, role: AgentRole.Admin },
              role: AgentRole.Agent,
            }),
          ),
        ),
      ),
    );

    for (const [index, settled] of outcomes.entries()) {
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      expect(settled.find((s) => s.status === 'rejected')).toMatchObject({
        reason: { code: 'ROUTING_LAST_ADMIN' },
      });
      expect(await bed.data.agents.activeAdmins(pairs[index].workspaceId)).toBe(1);
    }
  });
});
