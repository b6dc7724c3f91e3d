import { randomUUID } from 'node:crypto';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';
import type { Client } from 'pg';

const UNIQUE_VIOLATION = '23505';

describe('conversation constraints', () => {
  let db: TestDatabase;
  const workspaceId = randomUUID();
  let inboxId: string;

  beforeAll(async () => {
    db = await createTestDatabase('constraints');
    inboxId = await withClient(db.url, async (client) => {
      const inbox = await client.query<{ id: string }>(
        `insert into conversation.inboxes (workspace_id, name, channel) values ($1, 'Website', 'web') returning id`,
        [workspaceId],
      );
      return inbox.rows[0].id;
    });
  });
  afterAll(() => db?.drop());

  const openConversation = (
    client: Client,
    customerId: string,
    senderId = `visitor-${customerId}`,
  ) =>
    client.query<{ id: string }>(
      `insert into conversation.conversations (workspace_id, inbox_id, customer_id, customer_external_id)
       values ($1, $2, $3, $4) returning id`,
      [workspaceId, inboxId, customerId, senderId],
    );

  it('refuses a second active conversation for one sender in one inbox, until the first is resolved', async () => {
    await withClient(db.url, async (client) => {
      const customerId = randomUUID();
      const first = await openConversation(client, customerId);

      await expect(openConversation(client, customerId)).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
        constraint: 'uq_conversations_active_sender',
      });
      await client.query(
        `update conversation.conversations set status = 'assigned' where id = $1`,
        [first.rows[0].id],
      );
      await expect(openConversation(client, customerId)).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
      });

      await client.query(
        `update conversation.conversations set status = 'resolved' where id = $1`,
        [first.rows[0].id],
      );
      await expect(openConversation(client, customerId)).resolves.toMatchObject({ rowCount: 1 });
    });
  });

  it('lets a merged customer keep one active conversation per sender in one inbox', async () => {
    await withClient(db.url, async (client) => {
      const customerId = randomUUID();
      await openConversation(client, customerId, 'visitor-a');
      await expect(openConversation(client, customerId, 'visitor-b')).resolves.toMatchObject({
        rowCount: 1,
      });
    });
  });

  it('lets another customer, or the same customer in another inbox, have their own active conversation', async () => {
    await withClient(db.url, async (client) => {
      const customerId = randomUUID();
      await openConversation(client, customerId);
      await expect(openConversation(client, randomUUID())).resolves.toMatchObject({ rowCount: 1 });
      const otherInbox = await client.query<{ id: string }>(
        `insert into conversation.inboxes (workspace_id, name, channel) values ($1, 'Mail', 'email') returning id`,
        [workspaceId],
      );
      await expect(
        client.query(
          `insert into conversation.conversations (workspace_id, inbox_id, customer_id, customer_external_id)
           values ($1, $2, $3, 'visitor')`,
          [workspaceId, otherInbox.rows[0].id, customerId],
        ),
      ).resolves.toMatchObject({ rowCount: 1 });
    });
  });

  it('stores a channel message id once per inbox, and any number of messages without one', async () => {
    await withClient(db.url, async (client) => {
      const conversation = await openConversation(client, randomUUID());
      const insertMessage = (seq: number, channelMessageId: string | null) =>
        client.query(
          `insert into conversation.messages (workspace_id, conversation_id, inbox_id, seq, direction,
             sender_type, content, content_type, channel_message_id, delivery_status)
           values ($1, $2, $3, $4, 'inbound', 'customer', 'hi', 'text', $5, 'delivered')`,
          [workspaceId, conversation.rows[0].id, inboxId, seq, channelMessageId],
        );

      await insertMessage(1, 'wamid.1');
      await expect(insertMessage(2, 'wamid.1')).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
        constraint: 'uq_messages_inbox_channel_message',
      });
      await expect(insertMessage(2, null)).resolves.toMatchObject({ rowCount: 1 });
      await expect(insertMessage(3, null)).resolves.toMatchObject({ rowCount: 1 });
      await expect(insertMessage(3, 'wamid.2')).rejects.toMatchObject({
        code: UNIQUE_VIOLATION,
        constraint: 'uq_messages_conversation_seq',
      });
    });
  });

  it('refuses values outside the domain vocabularies', async () => {
    await withClient(db.url, async (client) => {
      await expect(
        client.query(
          `insert into conversation.conversations (workspace_id, inbox_id, customer_id, customer_external_id, status)
           values ($1, $2, $3, 'visitor', 'snoozed')`,
          [workspaceId, inboxId, randomUUID()],
        ),
      ).rejects.toMatchObject({ code: '23514', constraint: 'ck_conversations_status' });
    });
  });
});

describe('crm constraints', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('crm_constraints');
  });
  afterAll(() => db?.drop());

  it('refuses a note attached to nothing', async () => {
    await withClient(db.url, async (client) => {
      await expect(
        client.query(
          `insert into crm.notes (workspace_id, author_id, body) values ($1, $2, 'orphan')`,
          [randomUUID(), randomUUID()],
        ),
      ).rejects.toMatchObject({ code: '23514', constraint: 'ck_notes_target' });
    });
  });
});
