import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { EngageFixture, ENGAGE_SERVICES } from './engage-fixture';

describe('an agent pushes a link to the visitor', () => {
  let suite: HubSuite;
  let f: EngageFixture;

  beforeAll(async () => {
    suite = await startHubSuite('engage_links', ENGAGE_SERVICES);
  });

  beforeEach(async () => {
    f = await EngageFixture.start(suite);
  });

  afterEach(() => f?.close());

  afterAll(() => suite?.stop());

  const linkCreated = (url: string) => (frame: { type: string; message?: unknown }) =>
    frame.type === 'message.created' &&
    (frame.message as { contentType: string; content: string }).contentType === 'link' &&
    (frame.message as { content: string }).content === url;

  it('over REST: stored as an outbound link message the visitor receives live, once per clientMessageId', async () => {
    const { client, conversationId } = await f.chatWithAda();
    const url = 'https://shop.example.com/checkout?cart=42';
    const push = () =>
      f.api.call<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/links`, {
        token: f.agentToken,
        body: { url, clientMessageId: 'link-1' },
      });

    const pushed = await push();
    const resent = await push();

    expect(pushed.status).toBe(201);
    expect(pushed.body).toMatchObject({
      conversationId,
      direction: 'outbound',
      senderType: 'agent',
      senderId: f.workspace.agents.ada.id,
      contentType: 'link',
      content: url,
      clientMessageId: 'link-1',
    });
    expect(resent.body.id).toBe(pushed.body.id);
    const delivered = await client.next(linkCreated(url));
    expect(delivered).toMatchObject({
      message: { id: pushed.body.id, direction: 'outbound', contentType: 'link', content: url },
    });
  });

  it('over the agent socket: link.push answers message.ack and reaches the visitor', async () => {
    const { client, conversationId } = await f.chatWithAda();
    const url = 'http://docs.example.com/returns';

    const ack = await f.agent.request({ type: 'link.push', conversationId, url });

    expect(ack).toMatchObject({
      type: 'message.ack',
      message: { conversationId, contentType: 'link', content: url },
    });
    expect(ack.clientMessageId).toBe((ack.message as { clientMessageId: string }).clientMessageId);
    await client.next(linkCreated(url));
  });

  it('refuses javascript:, data: and relative URLs with VALIDATION_FAILED naming url, storing nothing', async () => {
    const { conversationId } = await f.chatWithAda();

    for (const url of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>1</script>',
      '/relative',
    ]) {
      const rest = await f.api.call('POST', `/api/v1/conversations/${conversationId}/links`, {
        token: f.agentToken,
        body: { url },
      });
      const socket = await f.agent.request({ type: 'link.push', conversationId, url });
      for (const refusal of [rest.body, socket]) {
        expect(refusal).toMatchObject({
          status: 400,
          code: 'VALIDATION_FAILED',
          fieldErrors: [expect.objectContaining({ field: 'url' })],
        });
      }
      expect(rest.status).toBe(400);
    }
    const messages = await f.api.call<{ contentType: string }[]>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages`,
      { token: f.agentToken },
    );
    expect(messages.body.filter((m) => m.contentType === 'link')).toEqual([]);
  });

  it('refuses a push into a resolved conversation as a reply would be refused', async () => {
    const { conversationId } = await f.chatWithAda();
    await f.resolve(conversationId);

    const refused = await f.api.call('POST', `/api/v1/conversations/${conversationId}/links`, {
      token: f.agentToken,
      body: { url: 'https://example.com' },
    });

    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'CONVERSATION_ILLEGAL_TRANSITION' },
    });
  });
});
