import { randomUUID } from 'node:crypto';
import { SUBJECTS, type WorkspaceRetention } from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { Database, RpcClient } from '@hub/service-kit';
import { withClient } from '@hub/testing';
import { TranscriptRetention } from '../src/privacy/transcript-retention';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';

const DAY_MS = 24 * 3600_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe('transcript retention', () => {
  let service: ConversationUnderTest;
  let retention: TranscriptRetention;
  let keepsThirtyDays: InboxTarget;
  let keepsForever: InboxTarget;

  beforeAll(async () => {
    service = await ConversationUnderTest.start('retention');
    retention = new TranscriptRetention(
      service.get(Database),
      service.get(RpcClient),
      'conversation',
    );
    keepsThirtyDays = await service.createInbox();
    keepsForever = await service.createInbox();
    // Gateway's answer: only the first workspace limits retention.
    const workspaces: WorkspaceRetention[] = [
      { workspaceId: keepsThirtyDays.workspaceId, retentionDays: 30 },
    ];
    service.nc.subscribe(
      namespacedSubject(service.namespace, SUBJECTS.gateway.listWorkspaceRetention.subject),
      {
        callback: (_error, message) => {
          const { id } = message.json<{ id: string }>();
          message.respond(JSON.stringify({ id, response: workspaces, isDisposed: true }));
        },
      },
    );
  });

  afterAll(async () => {
    await service?.stop();
  });

  /** A conversation with one customer message and one agent reply, both sent `at`. */
  async function conversation(
    target: InboxTarget,
    { status, at }: { status: string; at: Date },
  ): Promise<string> {
    const id = randomUUID();
    await service.dataSource.query(
      `insert into conversation.conversations
         (id, workspace_id, inbox_id, customer_id, customer_external_id, status, last_seq,
          resolution_seconds, csat_rating, csat_comment, csat_submitted_at, created_at, updated_at)
       values ($1, $2, $3, $4, 'visitor-1', $5, 2, 600, 4, 'quick and kind', $6, $6, $6)`,
      [id, target.workspaceId, target.inboxId, randomUUID(), status, at],
    );
    await service.dataSource.query(
      `insert into conversation.messages
         (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, content,
          content_type, delivery_status, created_at)
       values ($1, $2, $3, 1, 'inbound', 'customer', 'my address is 1 Elm St', 'text', 'delivered', $4),
              ($1, $2, $3, 2, 'outbound', 'agent', 'thanks', 'text', 'sent', $4)`,
      [target.workspaceId, id, target.inboxId, at],
    );
    return id;
  }

  const messagesOf = async (id: string) =>
    (
      await service.dataSource.query<{ n: number }[]>(
        'select count(*)::int as n from conversation.messages where conversation_id = $1',
        [id],
      )
    )[0].n;

  it("removes the transcripts of finished conversations older than the workspace's retention, keeping their figures", async () => {
    const old = await conversation(keepsThirtyDays, { status: 'resolved', at: daysAgo(45) });
    const oldClosed = await conversation(keepsThirtyDays, { status: 'closed', at: daysAgo(31) });
    const recent = await conversation(keepsThirtyDays, { status: 'resolved', at: daysAgo(10) });
    const oldButOpen = await conversation(keepsThirtyDays, { status: 'open', at: daysAgo(45) });
    const otherWorkspace = await conversation(keepsForever, {
      status: 'resolved',
      at: daysAgo(400),
    });

    const report = await retention.run(NOW);

    expect(report?.[keepsThirtyDays.workspaceId]).toEqual({
      'conversation.messages': 4,
      'conversation.files': 0,
      'conversation.conversations': 2,
    });
    expect(await messagesOf(old)).toBe(0);
    expect(await messagesOf(oldClosed)).toBe(0);
    expect(await messagesOf(recent)).toBe(2);
    expect(await messagesOf(oldButOpen)).toBe(2);
    expect(await messagesOf(otherWorkspace)).toBe(2);
    const [kept] = await service.dataSource.query<Record<string, unknown>[]>(
      `select status, last_seq, resolution_seconds, csat_rating, csat_comment, customer_external_id
         from conversation.conversations where id = $1`,
      [old],
    );
    expect(kept).toEqual({
      status: 'resolved',
      last_seq: '2',
      resolution_seconds: 600,
      csat_rating: 4,
      csat_comment: null,
      customer_external_id: '',
    });

    // A second run finds nothing left to remove.
    expect((await retention.run(NOW))?.[keepsThirtyDays.workspaceId]).toEqual({
      'conversation.messages': 0,
      'conversation.files': 0,
      'conversation.conversations': 0,
    });
  });

  it('skips the run while another replica holds the retention lock', async () => {
    const old = await conversation(keepsThirtyDays, { status: 'resolved', at: daysAgo(60) });
    await withClient(service.database.url, async (replica) => {
      await replica.query(`select pg_advisory_lock(hashtextextended('retention:conversation', 0))`);
      expect(await retention.run(NOW)).toBeNull();
      await replica.query(
        `select pg_advisory_unlock(hashtextextended('retention:conversation', 0))`,
      );
    });
    expect(await messagesOf(old)).toBe(2);
    await retention.run(NOW);
    expect(await messagesOf(old)).toBe(0);
  });
});
