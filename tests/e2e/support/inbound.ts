import { randomUUID } from 'node:crypto';
import { waitFor } from '@hub/testing';
import { inboundMessageId, SUBJECTS, type InboundMessageReceived } from '@hub/contracts';
import { Channel, ContentType } from '@hub/domain';
import type { JetStreamPublisher } from '@hub/messaging';
import { Client } from 'pg';

/** A workspace and a web inbox, inserted the way the seed does, for flows that need them. */
export async function createWorkspaceWithInbox(
  databaseUrl: string,
): Promise<{ workspaceId: string; inboxId: string }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const workspaceId = randomUUID();
    await db.query(`INSERT INTO gateway.workspaces (id, name, slug) VALUES ($1, 'Test', $2)`, [
      workspaceId,
      `ws-${workspaceId}`,
    ]);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO conversation.inboxes (workspace_id, name, channel) VALUES ($1, 'Website', 'web') RETURNING id`,
      [workspaceId],
    );
    return { workspaceId, inboxId: rows[0].id };
  } finally {
    await db.end();
  }
}

export function inboundMessage(
  target: { workspaceId: string; inboxId: string },
  overrides: Partial<InboundMessageReceived> = {},
): InboundMessageReceived {
  return {
    workspaceId: target.workspaceId,
    inboxId: target.inboxId,
    channel: Channel.Web,
    externalMessageId: randomUUID(),
    customer: { externalId: `visitor-${randomUUID()}`, name: 'Ada' },
    // Hex glued together: a uuid's dashed groups are a Luhn-valid card number about once in
    // 18,000 messages, and the hub masks those ("****-****-****-4408-...").
    content: `Hello, is anyone there? (${randomUUID().replaceAll('-', '')})`,
    contentType: ContentType.Text,
    sentAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Publishes as a connector does: Nats-Msg-Id is the channel's own message id. */
export function publishInbound(publisher: JetStreamPublisher, message: InboundMessageReceived) {
  return publisher.publish(SUBJECTS.inbound.messageReceived, message, {
    msgId: inboundMessageId(message),
  });
}

/** Waits until the conversation service stored `message`; the id of its conversation. */
export async function storedConversationOf(
  db: Client,
  message: InboundMessageReceived,
): Promise<string> {
  let conversationId: string | undefined;
  await waitFor(
    async () => {
      const { rows } = await db.query<{ conversation_id: string }>(
        `select conversation_id from conversation.messages where channel_message_id = $1`,
        [message.externalMessageId],
      );
      conversationId = rows[0]?.conversation_id;
      return conversationId !== undefined;
    },
    15_000,
    () => `message ${message.externalMessageId} was not stored`,
  );
  return conversationId!;
}
