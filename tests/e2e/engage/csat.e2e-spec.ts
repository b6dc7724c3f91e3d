import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { EngageFixture, ENGAGE_SERVICES } from './engage-fixture';

describe('a visitor rates the conversation (CSAT)', () => {
  let suite: HubSuite;
  let f: EngageFixture;

  beforeAll(async () => {
    suite = await startHubSuite('engage_csat', ENGAGE_SERVICES);
  });

  beforeEach(async () => {
    f = await EngageFixture.start(suite);
  });

  afterEach(() => f?.close());

  afterAll(() => suite?.stop());

  it('stores a rating of a resolved conversation: the agents are told, REST shows it, the visitor sees it', async () => {
    const { client, token, conversationId } = await f.chatWithAda();
    await f.resolve(conversationId);
    await client.next(
      (fr) =>
        fr.type === 'conversation.updated' &&
        (fr.conversation as { status: string }).status === 'resolved',
    );

    client.send({
      type: 'csat.submit',
      ref: 'rate-1',
      conversationId,
      rating: 4,
      comment: '<img src=x onerror=alert(1)> quick help',
    });

    expect(await client.next((fr) => fr.ref === 'rate-1')).toEqual({
      type: 'csat.ack',
      ref: 'rate-1',
      conversationId,
    });
    const rated = await f.agent.waitFor((fr) => fr.type === 'conversation.rated');
    expect(rated).toEqual({
      type: 'conversation.rated',
      conversationId,
      rating: 4,
      comment: '<img src=x onerror=alert(1)> quick help',
    });
    const shown = await f.api.call<{ csat: unknown }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token: f.agentToken },
    );
    expect(shown.body.csat).toMatchObject({
      rating: 4,
      comment: '<img src=x onerror=alert(1)> quick help',
    });
    expect(Date.parse((shown.body.csat as { submittedAt: string }).submittedAt)).not.toBeNaN();
    await client.next(
      (fr) =>
        fr.type === 'conversation.updated' && (fr.conversation as { csat: unknown }).csat !== null,
    );
    const { welcome } = await f.again(token);
    expect(welcome).toMatchObject({
      conversation: { csat: { rating: 4, comment: '<img src=x onerror=alert(1)> quick help' } },
    });
  });

  it('lets the visitor change their rating, the later one replacing the first', async () => {
    const { client, conversationId } = await f.chatWithAda();
    await f.resolve(conversationId);

    client.send({ type: 'csat.submit', ref: 'a', conversationId, rating: 2, comment: 'meh' });
    await client.next((fr) => fr.ref === 'a');
    client.send({ type: 'csat.submit', ref: 'b', conversationId, rating: 5 });
    await client.next((fr) => fr.ref === 'b');

    const shown = await f.api.call<{ csat: unknown }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token: f.agentToken },
    );
    expect(shown.body.csat).toMatchObject({ rating: 5, comment: null });
  });

  it('refuses rating an open conversation, and another visitor’s, with CSAT_NOT_ALLOWED', async () => {
    const { client, conversationId } = await f.chatWithAda();
    const { client: stranger } = await f.visitor();

    client.send({ type: 'csat.submit', ref: 'open', conversationId, rating: 5 });
    const whileOpen = await client.next((fr) => fr.ref === 'open');
    await f.resolve(conversationId);
    stranger.send({ type: 'csat.submit', ref: 'theirs', conversationId, rating: 1 });
    const notOwn = await stranger.next((fr) => fr.ref === 'theirs');

    for (const refusal of [whileOpen, notOwn]) {
      expect(refusal).toMatchObject({ type: 'error', status: 409, code: 'CSAT_NOT_ALLOWED' });
    }
    const shown = await f.api.call<{ csat: unknown }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token: f.agentToken },
    );
    expect(shown.body.csat).toBeNull();
    expect(f.agent.framesOf('conversation.rated')).toEqual([]);
  });

  it('refuses a rating out of 1–5 naming the field', async () => {
    const { client, conversationId } = await f.chatWithAda();
    await f.resolve(conversationId);

    client.send({ type: 'csat.submit', ref: 'six', conversationId, rating: 6 });

    expect(await client.next((fr) => fr.ref === 'six')).toMatchObject({
      type: 'error',
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ field: 'rating' })],
    });
  });
});
