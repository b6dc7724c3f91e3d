import { randomUUID } from 'node:crypto';
import { Database } from '@hub/service-kit';
import { CustomerConversations } from '../src/privacy/customer-conversations';
import { ConversationUnderTest, type InboxTarget } from './support/conversation-under-test';

// Erasure of one customer's conversations against a real, migrated PostgreSQL.
describe("erasure of a customer's conversations", () => {
  let service: ConversationUnderTest;
  let conversations: CustomerConversations;
  let inbox: InboxTarget;

  beforeAll(async () => {
    service = await ConversationUnderTest.start('erasure');
    conversations = new CustomerConversations(service.get(Database));
    inbox = await service.createInbox();
  });

  afterAll(async () => {
    await service?.stop();
  });

  /** A resolved conversation of `customerId` whose customer sent a screenshot and a line. */
  async function conversationWithFile(customerId: string): Promise<{ id: string; fileId: string }> {
    const id = randomUUID();
    const fileId = randomUUID();
    const db = service.dataSource;
    await db.query(
      `insert into conversation.conversations
         (id, workspace_id, inbox_id, customer_id, customer_external_id, status, last_seq,
          csat_rating, csat_comment, csat_submitted_at)
       values ($1, $2, $3, $4, 'visitor-7', 'resolved', 2, 5, 'thanks Ada', now())`,
      [id, inbox.workspaceId, inbox.inboxId, customerId],
    );
    await db.query(
      `insert into conversation.files
         (id, workspace_id, uploader_kind, uploader_id, name, size, mime_type, storage_key, sha256)
       values ($1, $2, 'visitor', 'visitor-7', 'receipt.png', 10, 'image/png', $3, 'abc')`,
      [fileId, inbox.workspaceId, `key-${fileId}`],
    );
    await db.query(
      `insert into conversation.messages
         (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, content,
          content_type, delivery_status, attachment_file_id)
       values ($1, $2, $3, 1, 'inbound', 'customer', 'receipt.png', 'image', 'delivered', $4),
              ($1, $2, $3, 2, 'inbound', 'customer', 'my phone is 555-0100', 'text', 'delivered', null)`,
      [inbox.workspaceId, id, inbox.inboxId, fileId],
    );
    return { id, fileId };
  }

  it('deletes messages and their file records, keeps the conversation without address or comment, and touches no other customer', async () => {
    const customerId = randomUUID();
    const mine = await conversationWithFile(customerId);
    const someoneElse = await conversationWithFile(randomUUID());

    const erasure = await conversations.erase({ workspaceId: inbox.workspaceId, customerId });

    expect(erasure).toEqual({
      conversationIds: [mine.id],
      erased: {
        'conversation.messages': 2,
        'conversation.files': 1,
        'conversation.conversations': 1,
      },
    });
    const [kept] = await service.dataSource.query<Record<string, unknown>[]>(
      `select customer_external_id, csat_comment, csat_rating, status
         from conversation.conversations where id = $1`,
      [mine.id],
    );
    expect(kept).toEqual({
      customer_external_id: '',
      csat_comment: null,
      csat_rating: 5,
      status: 'resolved',
    });
    const left = await service.dataSource.query<{ conversation_id: string }[]>(
      `select conversation_id from conversation.messages where conversation_id = any($1)`,
      [[mine.id, someoneElse.id]],
    );
    expect(left.map((row) => row.conversation_id)).toEqual([someoneElse.id, someoneElse.id]);
    const files = await service.dataSource.query<{ id: string }[]>(
      `select id from conversation.files where id = any($1)`,
      [[mine.fileId, someoneElse.fileId]],
    );
    expect(files).toEqual([{ id: someoneElse.fileId }]);

    // Asked again (an interrupted erasure finished), nothing more is erased.
    expect(await conversations.erase({ workspaceId: inbox.workspaceId, customerId })).toEqual({
      conversationIds: [mine.id],
      erased: {
        'conversation.messages': 0,
        'conversation.files': 0,
        'conversation.conversations': 0,
      },
    });
  });

  it('erases nothing for the same customer id asked in another workspace', async () => {
    const customerId = randomUUID();
    const mine = await conversationWithFile(customerId);
    const erasure = await conversations.erase({ workspaceId: randomUUID(), customerId });
    expect(erasure.conversationIds).toEqual([]);
    const [{ n }] = await service.dataSource.query<{ n: number }[]>(
      'select count(*)::int as n from conversation.messages where conversation_id = $1',
      [mine.id],
    );
    expect(n).toBe(2);
  });
});
