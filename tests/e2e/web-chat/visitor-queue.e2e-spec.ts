import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { SUBJECTS, type ChangeConversationStatusRequest } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { createTestDatabase, testRunId } from '@hub/testing';
import { Client } from 'pg';
import { createWorkspaceWithInbox } from '../support/inbound';
import { nestRequest } from '../support/nest-request';
import { newSession, VisitorClient, type Frame } from '../support/visitor-client';
import { createWorkspace } from '../support/workspace-fixture';
import { TestHub } from '../support/test-hub';

// With routing running and no agent online, every new conversation waits in the queue.
describe('a waiting visitor’s queue position', () => {
  const namespace = `${testRunId()}_vqueue`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let hub: TestHub;
  let nc: NatsConnection;
  let db: Client;
  let target: { workspaceId: string; inboxId: string };
  // Resolves by hand; conversation checks the role routing holds, so the admin must exist there.
  let adminId: string;
  let web: string;
  const clients: VisitorClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('visitor_queue');
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace,
      services: ['conversation', 'crm', 'routing', 'connector-web'],
    });
    web = hub.service('connector-web').url;
    nc = await connect(hub.nats.connectOptions());
    db = new Client({ connectionString: database.url });
    await db.connect();
    const workspace = await createWorkspace(database.url, { ada: AgentRole.Admin });
    target = { workspaceId: workspace.id, inboxId: workspace.inboxId };
    adminId = workspace.agents.ada.id;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await nc?.close();
    await db?.end();
    await hub?.stop();
    await database?.drop();
  });

  async function visitor(
    hello: { lastSeq?: number; conversationId?: string } = {},
    token?: string,
  ) {
    const session = token ? { token } : await newSession(web, target.inboxId);
    const { client, welcome } = await VisitorClient.greeted(web, {
      token: session.token,
      ...hello,
    });
    clients.push(client);
    return { client, welcome, token: session.token };
  }

  async function ask(client: VisitorClient, content: string): Promise<Frame> {
    const ref = randomUUID();
    client.send({ type: 'message.send', ref, clientMessageId: randomUUID(), content });
    return client.next((f) => f.type === 'message.ack' && f.ref === ref);
  }

  const department = async (workspaceId: string, name: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO routing.departments (workspace_id, name) VALUES ($1, $2) RETURNING id`,
        [workspaceId, name],
      )
    ).rows[0].id;

  const position = (client: VisitorClient, conversationId: string, value: number) =>
    client.next(
      (f) =>
        f.type === 'queue.position' && f.conversationId === conversationId && f.position === value,
    );

  it('tells each visitor its place, again after a reconnect, and again when the queue moves', async () => {
    const first = await visitor();
    const second = await visitor();
    const firstAck = await ask(first.client, 'first in line');
    await position(first.client, firstAck.conversationId as string, 1);
    const secondAck = await ask(second.client, 'second in line');
    const secondConversation = secondAck.conversationId as string;
    await position(second.client, secondConversation, 2);

    await second.client.close();
    const back = await visitor({ lastSeq: 1, conversationId: secondConversation }, second.token);
    expect(back.welcome).toMatchObject({
      conversationId: secondConversation,
      conversation: { status: 'open' },
    });
    await position(back.client, secondConversation, 2);

    await nestRequest(nc, namespace, SUBJECTS.conversation.resolve, {
      workspaceId: target.workspaceId,
      conversationId: firstAck.conversationId as string,
      actor: { agentId: adminId, role: AgentRole.Admin },
    } satisfies ChangeConversationStatusRequest);

    await position(back.client, secondConversation, 1);
  });

  it('opens the conversation in the department the visitor chose, refusing another workspace’s or a made-up one before anything is admitted', async () => {
    const own = await department(target.workspaceId, 'Sales');
    const elsewhere = await createWorkspaceWithInbox(database.url);
    const foreign = await department(elsewhere.workspaceId, 'Sales');
    const { client } = await visitor();
    const clientMessageId = randomUUID();
    const refused = [
      ['foreign', foreign],
      ['made-up', randomUUID()],
    ];

    for (const [ref, departmentId] of refused) {
      client.send({ type: 'message.send', ref, clientMessageId, content: 'refused', departmentId });
    }
    const refusals = await Promise.all(
      refused.map(([ref]) => client.next((f) => f.type === 'error' && f.ref === ref)),
    );
    // Nothing was admitted: the same clientMessageId is still a new message.
    client.send({
      type: 'message.send',
      ref: 'own',
      clientMessageId,
      content: 'admitted',
      departmentId: own,
    });
    const ack = await client.next((f) => f.type === 'message.ack' && f.ref === 'own');

    for (const [i, [ref]] of refused.entries()) {
      // The same answer for both: it does not tell whether the department exists elsewhere.
      expect(refusals[i]).toEqual({
        type: 'error',
        ref,
        status: 400,
        code: 'VALIDATION_FAILED',
        message: "Invalid request: departmentId must be a department of the inbox's workspace",
        fieldErrors: [
          {
            field: 'departmentId',
            message: "departmentId must be a department of the inbox's workspace",
          },
        ],
      });
    }
    expect(client.of('message.accepted').map((f) => f.ref)).toEqual(['own']);
    const { rows } = await db.query(
      `SELECT m.content, c.department_id FROM conversation.messages m
         JOIN conversation.conversations c ON c.id = m.conversation_id
        WHERE m.client_message_id = $1`,
      [clientMessageId],
    );
    expect(rows).toEqual([{ content: 'admitted', department_id: own }]);
    await position(client, ack.conversationId as string, 1);
  });
});
