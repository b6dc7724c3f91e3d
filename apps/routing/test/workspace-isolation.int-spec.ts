import { randomUUID } from 'node:crypto';
import type { PickConversationRequest, TransferConversationRequest } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { pickConversation } from '../src/manual-assignment/pick-conversation.use-case';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { RoutingTestbed } from './support/routing-testbed';

describe('workspace isolation', () => {
  let bed: RoutingTestbed;
  let mine: string;
  let theirs: string;
  let theirAgent: string;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_isolation');
  });

  beforeEach(async () => {
    mine = randomUUID();
    theirs = randomUUID();
    theirAgent = await bed.agent(theirs, { role: AgentRole.Admin });
  });

  afterAll(() => bed.stop());

  it('never gives a conversation to a free agent of another workspace', async () => {
    const { conversationId } = await bed.arrive(mine, null);

    expect(await bed.route(conversationId)).toMatchObject({ state: 'queued', position: 1 });
    expect(await bed.activeChats(theirAgent)).toBe(0);
  });

  it('shows each workspace only its own queue, agents and departments', async () => {
    const myAgent = await bed.agent(mine, { maxChats: 1, activeChats: 1 });
    const myDepartment = await bed.department(mine);
    await bed.department(theirs);
    const { conversationId } = await bed.arrive(mine, null);
    await bed.arrive(theirs, null);

    expect((await bed.data.queue.waiting(mine)).map((e) => e.conversationId)).toEqual([
      conversationId,
    ]);
    expect((await bed.data.agents.list(mine)).map((a) => a.id)).toEqual([myAgent]);
    expect(await bed.data.agents.view(mine, theirAgent)).toBeUndefined();
    expect((await bed.data.departments.list(mine)).map((d) => d.id)).toEqual([myDepartment]);
  });

  it('refuses a pick or transfer by an agent of another workspace, even an admin', async () => {
    const { conversationId } = await bed.arrive(mine, null);
    const actor = { agentId: theirAgent, role: AgentRole.Admin };
    const pick: PickConversationRequest = { workspaceId: mine, conversationId, actor };
    const transfer: TransferConversationRequest = {
      workspaceId: mine,
      conversationId,
      actor,
      toAgentId: theirAgent,
    };

    await expect(
      bed.locked(mine, (data, effects) => pickConversation(data, pick, effects)),
    ).rejects.toMatchObject({ code: 'ROUTING_ACTOR_UNKNOWN' });
    await expect(
      bed.locked(mine, (data, effects) => transferConversation(data, transfer, effects)),
    ).rejects.toMatchObject({ code: 'ROUTING_ACTOR_UNKNOWN' });
    expect(await bed.route(conversationId)).toMatchObject({ state: 'queued' });
  });

  it("refuses to pick another workspace's conversation or transfer to its agents and departments", async () => {
    const supervisor = await bed.agent(mine, { role: AgentRole.Supervisor });
    const theirDepartment = await bed.department(theirs);
    const theirChat = await bed.arrive(theirs, null);
    const mineAssigned = await bed.arrive(mine, null);
    const actor = { agentId: supervisor, role: AgentRole.Supervisor };
    const run = (work: Parameters<RoutingTestbed['locked']>[1]) => bed.locked(mine, work);

    const pickTheirs: PickConversationRequest = {
      workspaceId: mine,
      conversationId: theirChat.conversationId,
      actor,
    };
    await expect(run((d, fx) => pickConversation(d, pickTheirs, fx))).rejects.toMatchObject({
      code: 'ROUTING_CONVERSATION_NOT_FOUND',
    });
    const base = { workspaceId: mine, conversationId: mineAssigned.conversationId, actor };
    const toTheirAgent: TransferConversationRequest = { ...base, toAgentId: theirAgent };
    await expect(run((d, fx) => transferConversation(d, toTheirAgent, fx))).rejects.toMatchObject({
      code: 'AGENT_NOT_FOUND',
    });
    const toTheirDepartment: TransferConversationRequest = {
      ...base,
      toDepartmentId: theirDepartment,
    };
    await expect(
      run((d, fx) => transferConversation(d, toTheirDepartment, fx)),
    ).rejects.toMatchObject({ code: 'DEPARTMENT_NOT_FOUND' });
    expect(await bed.route(theirChat.conversationId)).toMatchObject({ agentId: theirAgent });
    expect(await bed.route(mineAssigned.conversationId)).toMatchObject({ agentId: supervisor });
  });
});
