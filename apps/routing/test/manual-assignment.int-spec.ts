import { randomUUID } from 'node:crypto';
import type { PickConversationRequest, TransferConversationRequest } from '@hub/contracts';
import { AgentPresence, AgentRole } from '@hub/domain';
import { pickConversation } from '../src/manual-assignment/pick-conversation.use-case';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { RoutingTestbed } from './support/routing-testbed';

describe('manual assignment', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_manual');
  });

  afterAll(() => bed.stop());

  // `role` is what the actor's token claims; routing goes by the role it has on record.
  function pick(
    workspaceId: string,
    conversationId: string,
    agentId: string,
    role: AgentRole = AgentRole.Agent,
  ) {
    const request: PickConversationRequest = {
      workspaceId,
      conversationId,
      actor: { agentId, role },
    };
    return bed.locked(workspaceId, (data, effects) => pickConversation(data, request, effects));
  }

  function transfer(
    workspaceId: string,
    conversationId: string,
    agentId: string,
    to: { toAgentId?: string; toDepartmentId?: string },
  ) {
    const request: TransferConversationRequest = {
      workspaceId,
      conversationId,
      actor: { agentId, role: AgentRole.Agent },
      ...to,
    };
    return bed.locked(workspaceId, (data, effects) => transferConversation(data, request, effects));
  }

  describe('picking', () => {
    it('gives an agent the waiting conversation of their department they pick, away or not', async () => {
      const workspaceId = randomUUID();
      const department = await bed.department(workspaceId);
      const picker = await bed.agent(workspaceId, {
        departmentIds: [department],
        presence: AgentPresence.Away,
      });
      const { conversationId } = await bed.arrive(workspaceId, department);

      const effects = await pick(workspaceId, conversationId, picker);

      expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId: picker });
      expect([...effects.toApply]).toEqual([conversationId]);
      expect(await bed.activeChats(picker)).toBe(1);
    });

    it("refuses an agent picking from another department's queue, whatever their token claims, but lets a supervisor", async () => {
      const workspaceId = randomUUID();
      const department = await bed.department(workspaceId);
      const outsider = await bed.agent(workspaceId, { presence: AgentPresence.Away });
      const supervisor = await bed.agent(workspaceId, {
        role: AgentRole.Supervisor,
        presence: AgentPresence.Away,
      });
      const { conversationId } = await bed.arrive(workspaceId, department);

      await expect(
        pick(workspaceId, conversationId, outsider, AgentRole.Supervisor),
      ).rejects.toMatchObject({ code: 'ROUTING_NOT_IN_DEPARTMENT' });
      expect(await bed.route(conversationId)).toMatchObject({ state: 'queued' });
      await pick(workspaceId, conversationId, supervisor);
      expect(await bed.route(conversationId)).toMatchObject({ agentId: supervisor });
    });

    it('lets any agent of the workspace pick from the workspace-wide queue', async () => {
      const workspaceId = randomUUID();
      const picker = await bed.agent(workspaceId, { presence: AgentPresence.Offline });
      const { conversationId } = await bed.arrive(workspaceId, null);

      await pick(workspaceId, conversationId, picker);

      expect(await bed.route(conversationId)).toMatchObject({ agentId: picker });
    });

    it('refuses a pick that would take the agent past their maximum', async () => {
      const workspaceId = randomUUID();
      const picker = await bed.agent(workspaceId, {
        presence: AgentPresence.Away,
        maxChats: 1,
        activeChats: 1,
      });
      const { conversationId } = await bed.arrive(workspaceId, null);

      await expect(pick(workspaceId, conversationId, picker)).rejects.toMatchObject({
        code: 'ROUTING_NO_FREE_SLOT',
      });
      expect(await bed.activeChats(picker)).toBe(1);
    });

    it('refuses to pick a conversation that is already assigned', async () => {
      const workspaceId = randomUUID();
      await bed.agent(workspaceId);
      const picker = await bed.agent(workspaceId, { presence: AgentPresence.Away });
      const { conversationId } = await bed.arrive(workspaceId, null);

      await expect(pick(workspaceId, conversationId, picker)).rejects.toMatchObject({
        code: 'ROUTING_NOT_QUEUED',
      });
    });
  });

  describe('transferring', () => {
    async function assignedConversation() {
      const workspaceId = randomUUID();
      const owner = await bed.agent(workspaceId);
      const { conversationId } = await bed.arrive(workspaceId, null);
      return { workspaceId, owner, conversationId };
    }

    it('lets the assignee hand the conversation to an online agent with a free slot, moving the load', async () => {
      const { workspaceId, owner, conversationId } = await assignedConversation();
      const colleague = await bed.agent(workspaceId);

      const effects = await transfer(workspaceId, conversationId, owner, { toAgentId: colleague });

      expect(await bed.route(conversationId)).toMatchObject({
        state: 'assigned',
        agentId: colleague,
      });
      expect([...effects.toApply]).toEqual([conversationId]);
      expect(await bed.activeChats(owner)).toBe(0);
      expect(await bed.activeChats(colleague)).toBe(1);
    });

    it('refuses a transfer by an agent who is neither the assignee nor a supervisor', async () => {
      const { workspaceId, conversationId } = await assignedConversation();
      const bystander = await bed.agent(workspaceId, { presence: AgentPresence.Away });

      await expect(
        transfer(workspaceId, conversationId, bystander, { toAgentId: bystander }),
      ).rejects.toMatchObject({ code: 'ROUTING_TRANSFER_FORBIDDEN' });
    });

    it('refuses a transfer to an agent who is away or has no free slot', async () => {
      const { workspaceId, owner, conversationId } = await assignedConversation();
      const away = await bed.agent(workspaceId, { presence: AgentPresence.Away });
      const full = await bed.agent(workspaceId, { maxChats: 1, activeChats: 1 });

      await expect(
        transfer(workspaceId, conversationId, owner, { toAgentId: away }),
      ).rejects.toMatchObject({ code: 'ROUTING_AGENT_UNAVAILABLE' });
      await expect(
        transfer(workspaceId, conversationId, owner, { toAgentId: full }),
      ).rejects.toMatchObject({ code: 'ROUTING_NO_FREE_SLOT' });
      expect(await bed.route(conversationId)).toMatchObject({ agentId: owner });
    });

    it('lets a supervisor direct a waiting conversation to an agent', async () => {
      const workspaceId = randomUUID();
      const supervisor = await bed.agent(workspaceId, {
        role: AgentRole.Supervisor,
        presence: AgentPresence.Away,
      });
      const { conversationId } = await bed.arrive(workspaceId, null);
      const agent = await bed.agent(workspaceId);

      await transfer(workspaceId, conversationId, supervisor, { toAgentId: agent });

      expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId: agent });
    });

    it('puts a conversation transferred to a department at the front of its queue, never straight back to its former agent', async () => {
      const workspaceId = randomUUID();
      const sales = await bed.department(workspaceId);
      const owner = await bed.agent(workspaceId, { departmentIds: [sales], maxChats: 1 });
      const { conversationId } = await bed.arrive(workspaceId, null);
      const first = await bed.arrive(workspaceId, sales);
      const second = await bed.arrive(workspaceId, sales);

      await transfer(workspaceId, conversationId, owner, { toDepartmentId: sales });

      // The owner's freed slot goes to the first conversation they may take.
      expect(await bed.route(first.conversationId)).toMatchObject({ agentId: owner });
      expect(await bed.route(conversationId)).toMatchObject({
        state: 'queued',
        departmentId: sales,
        position: 1,
      });
      expect(await bed.route(second.conversationId)).toMatchObject({ position: 2 });
    });

    it('asks for exactly one target', async () => {
      const { workspaceId, owner, conversationId } = await assignedConversation();

      await expect(transfer(workspaceId, conversationId, owner, {})).rejects.toMatchObject({
        code: 'ROUTING_TRANSFER_TARGET',
      });
    });
  });
});
