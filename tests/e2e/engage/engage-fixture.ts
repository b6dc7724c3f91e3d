import { AgentRole } from '@hub/domain';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import type { HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient, type Frame } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

export const ENGAGE_SERVICES = [
  'gateway',
  'connector-web',
  'conversation',
  'crm',
  'routing',
] as const;

/**
 * One workspace per test: ada (an agent, online on the agent socket, so routing gives her the
 * chats) and root (an admin, REST only, so never online), with their tokens.
 */
export class EngageFixture {
  readonly visitors: VisitorClient[] = [];

  private constructor(
    readonly suite: HubSuite,
    readonly workspace: WorkspaceFixture,
    readonly api: GatewayApi,
    readonly agentToken: string,
    readonly adminToken: string,
    readonly agent: AgentSocketClient,
  ) {}

  static async start(suite: HubSuite): Promise<EngageFixture> {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      root: AgentRole.Admin,
    });
    const api = new GatewayApi(suite.hub.service('gateway').url);
    const { ada, root } = workspace.agents;
    const agentToken = await api.login(workspace.slug, ada.email, ada.password);
    const adminToken = await api.login(workspace.slug, root.email, root.password);
    const { client } = await AgentSocketClient.connect(api.baseUrl, agentToken);
    return new EngageFixture(suite, workspace, api, agentToken, adminToken, client);
  }

  get web(): string {
    return this.suite.hub.service('connector-web').url;
  }

  /** A new visitor of the workspace's inbox, greeted. */
  async visitor(): Promise<{ client: VisitorClient; token: string; welcome: Frame }> {
    const { token } = await newSession(this.web, this.workspace.inboxId);
    const { client, welcome } = await VisitorClient.greeted(this.web, { token });
    this.visitors.push(client);
    return { client, token, welcome };
  }

  /** The visitor reconnects with `token`. */
  async again(token: string): Promise<{ client: VisitorClient; welcome: Frame }> {
    const greeted = await VisitorClient.greeted(this.web, { token });
    this.visitors.push(greeted.client);
    return greeted;
  }

  /** The visitor writes; resolves with the conversation id from its message.ack. */
  async ask(client: VisitorClient, content: string): Promise<string> {
    const clientMessageId = `v-${Math.random().toString(36).slice(2)}`;
    client.send({ type: 'message.send', clientMessageId, content });
    const ack = await client.next(
      (f) => f.type === 'message.ack' && f.clientMessageId === clientMessageId,
    );
    return ack.conversationId as string;
  }

  /** A visitor whose conversation routing gave to ada. */
  async chatWithAda(): Promise<{ client: VisitorClient; token: string; conversationId: string }> {
    const { client, token } = await this.visitor();
    const conversationId = await this.ask(client, 'Hello, is anyone there?');
    await this.agent.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { id: string; assigneeId: string | null }).id === conversationId &&
        (f.conversation as { assigneeId: string | null }).assigneeId ===
          this.workspace.agents.ada.id,
      15_000,
      'the assignment to ada',
    );
    return { client, token, conversationId };
  }

  async resolve(conversationId: string): Promise<void> {
    const reply = await this.agent.request({ type: 'conversation.resolve', conversationId });
    if (reply.type !== 'conversation.ack')
      throw new Error(`not resolved: ${JSON.stringify(reply)}`);
  }

  async close(): Promise<void> {
    this.agent.close();
    await Promise.all(this.visitors.map((visitor) => visitor.close()));
  }
}
