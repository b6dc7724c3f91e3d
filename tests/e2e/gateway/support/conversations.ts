import { randomUUID } from 'node:crypto';
import type { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import type { Client } from 'pg';
import { inboundMessage, publishInbound } from '../../support/inbound';
import type { WorkspaceFixture } from '../../support/workspace-fixture';

export interface VisitorConversation {
  id: string;
  visitorId: string;
  /** Publishes another message from the same visitor. */
  say(content: string): Promise<void>;
}

/** A visitor writes to the workspace's web inbox; resolves once conversation stored it. */
export async function visitorWrites(
  db: Client,
  publisher: JetStreamPublisher,
  workspace: WorkspaceFixture,
  content = `Hello (${randomUUID()})`,
): Promise<VisitorConversation> {
  const visitorId = randomUUID();
  const target = { workspaceId: workspace.id, inboxId: workspace.inboxId };
  const say = async (text: string) => {
    await publishInbound(
      publisher,
      inboundMessage(target, { customer: { externalId: visitorId, name: 'Ada' }, content: text }),
    );
  };
  await say(content);
  let id: string | undefined;
  await waitFor(
    async () => {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM conversation.conversations WHERE inbox_id = $1 AND customer_external_id = $2`,
        [workspace.inboxId, visitorId],
      );
      id = rows[0]?.id;
      return id !== undefined;
    },
    15_000,
    () => `no conversation for visitor ${visitorId}`,
  );
  return { id: id!, visitorId, say };
}

export async function assigneeOf(db: Client, conversationId: string): Promise<string | null> {
  const { rows } = await db.query<{ assignee_id: string | null }>(
    `SELECT assignee_id FROM conversation.conversations WHERE id = $1`,
    [conversationId],
  );
  return rows[0]?.assignee_id ?? null;
}

export async function messageCount(db: Client, conversationId: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    `SELECT count(*) FROM conversation.messages WHERE conversation_id = $1`,
    [conversationId],
  );
  return Number(rows[0].count);
}
