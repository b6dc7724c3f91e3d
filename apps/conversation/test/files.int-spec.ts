import { createHash, randomUUID } from 'node:crypto';
import { realtimeSubjects, type RegisterFileRequest } from '@hub/contracts';
import { AgentRole, ContentType } from '@hub/domain';
import type { DomainException } from '@hub/service-kit';
import { waitFor } from '@hub/testing';
import { ConversationLifecycle } from '../src/conversations/conversation-lifecycle';
import { ConversationQueries } from '../src/conversations/conversation-queries';
import { FileDirectory } from '../src/files/file-directory';
import { ReceiveInboundMessage } from '../src/messages/receive-inbound-message.use-case';
import { SendAgentMessage } from '../src/messages/send-agent-message.use-case';
import {
  ConversationUnderTest,
  inboundMessage,
  type InboxTarget,
} from './support/conversation-under-test';
import { openConversation } from './support/conversations';

describe('files: registration and attachments', () => {
  let service: ConversationUnderTest;
  let target: InboxTarget;
  const agent = { agentId: randomUUID(), role: AgentRole.Agent };

  beforeAll(async () => {
    service = await ConversationUnderTest.start('files');
    target = await service.createInbox();
    service.enrol(agent);
  });

  afterAll(() => service?.stop());

  const register = (overrides: Partial<RegisterFileRequest>) =>
    service.get(FileDirectory).register({
      workspaceId: target.workspaceId,
      uploaderKind: 'visitor',
      uploaderId: `visitor-${randomUUID()}`,
      name: 'photo.png',
      size: 1234,
      mimeType: 'image/png',
      storageKey: `${target.workspaceId}/${randomUUID()}`,
      sha256: createHash('sha256').update(randomUUID()).digest('hex'),
      ...overrides,
    });

  const refusal = async (work: Promise<unknown>) => {
    const error = (await work.then(
      () => undefined,
      (e: unknown) => e,
    )) as DomainException | undefined;
    return error && { code: error.code, fieldErrors: error.fieldErrors };
  };

  it('registers a file and gives it back with its storage key to the edges that serve it', async () => {
    const file = await register({ name: '<script>alert(1)</script>.png' });

    const stored = await service.get(FileDirectory).get(file.id);

    const { storageKey, ...record } = stored;
    expect(record).toEqual(file);
    expect(storageKey).toMatch(/^[0-9a-f-]+\/[0-9a-f-]+$/);
    expect(stored.name).toBe('<script>alert(1)</script>.png');
    expect(await refusal(service.get(FileDirectory).get(randomUUID()))).toEqual({
      code: 'FILE_NOT_FOUND',
      fieldErrors: undefined,
    });
  });

  it("stores a visitor's own upload on their message as an image, shown to the visitor with its details", async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const file = await register({ uploaderId: visitorId });
    const toVisitor = await service.watchRealtime(realtimeSubjects.visitor(visitorId));

    await service.get(ReceiveInboundMessage).execute(
      inboundMessage(target, {
        visitorId,
        content: '',
        contentType: ContentType.Text,
        attachmentFileId: file.id,
      }),
    );

    const { messages } = await service
      .get(ConversationQueries)
      .visitorHistory({ ...target, visitorId });
    const attachment = { fileId: file.id, name: 'photo.png', size: 1234, mimeType: 'image/png' };
    expect(messages).toEqual([
      expect.objectContaining({ content: '', contentType: 'image', attachment }),
    ]);
    await waitFor(() => toVisitor.some((e) => e.type === 'message.created'), 5_000);
    const created = toVisitor.find((e) => e.type === 'message.created');
    expect(created?.type === 'message.created' && created.message).toEqual(
      expect.objectContaining({ contentType: 'image', attachment }),
    );
  });

  it("refuses a message carrying another visitor's upload, and opens no conversation for it", async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const strangers = await register({ uploaderId: `visitor-${randomUUID()}` });

    const refused = await refusal(
      service
        .get(ReceiveInboundMessage)
        .execute(inboundMessage(target, { visitorId, attachmentFileId: strangers.id })),
    );

    expect(refused?.code).toBe('VALIDATION_FAILED');
    expect(refused?.fieldErrors?.map((e) => e.field)).toEqual(['fileId']);
    const { conversation } = await service
      .get(ConversationQueries)
      .visitorHistory({ ...target, visitorId });
    expect(conversation).toBeNull();
  });

  it("lets an agent attach an agent's upload (a PDF becomes a file message) but not a visitor's", async () => {
    const conversation = await openConversation(service, target);
    await service.get(ConversationLifecycle).assign({
      workspaceId: target.workspaceId,
      conversationId: conversation.id,
      agentId: agent.agentId,
      expectedAssigneeId: null,
    });
    const pdf = await register({
      uploaderKind: 'agent',
      uploaderId: randomUUID(),
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
    });
    const visitorUpload = await register({});
    const send = (clientMessageId: string, attachmentFileId: string) =>
      service.get(SendAgentMessage).execute({
        workspaceId: target.workspaceId,
        conversationId: conversation.id,
        actor: agent,
        clientMessageId,
        content: '',
        attachmentFileId,
      });

    const sent = await send('with-pdf', pdf.id);
    const refused = await refusal(send('with-visitor-file', visitorUpload.id));

    expect(sent).toEqual(
      expect.objectContaining({
        contentType: 'file',
        content: '',
        attachment: {
          fileId: pdf.id,
          name: 'invoice.pdf',
          size: 1234,
          mimeType: 'application/pdf',
        },
      }),
    );
    expect(refused?.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a file of another workspace as if it did not exist', async () => {
    const elsewhere = await service.createInbox();
    const visitorId = `visitor-${randomUUID()}`;
    const file = await register({ workspaceId: elsewhere.workspaceId, uploaderId: visitorId });

    const refused = await refusal(
      service
        .get(ReceiveInboundMessage)
        .execute(inboundMessage(target, { visitorId, attachmentFileId: file.id })),
    );

    expect(refused?.code).toBe('VALIDATION_FAILED');
  });
});
