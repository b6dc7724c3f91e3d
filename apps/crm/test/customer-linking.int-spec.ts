import { randomUUID } from 'node:crypto';
import { SUBJECTS, type CrmActor } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm identities on every channel: added, removed, linked by verified contact, suggested', () => {
  let crm: CrmTestBed;
  const agent: CrmActor = { type: 'agent', id: randomUUID() };

  beforeAll(async () => {
    crm = await CrmTestBed.start('linking');
  });

  afterAll(async () => {
    await crm.stop();
  });

  const get = (workspaceId: string, customerId: string) =>
    crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId });
  const suggestions = (workspaceId: string, customerId: string) =>
    crm.request(SUBJECTS.crm.listLinkSuggestions, { workspaceId, customerId });

  it('adds identities on several channels to one record and takes one off, auditing both', async () => {
    const workspaceId = randomUUID();
    const customer = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'Li Wei',
    });
    const add = (channel: Channel, externalId: string, verified?: boolean) =>
      crm.request(SUBJECTS.crm.addIdentity, {
        workspaceId,
        actor: agent,
        customerId: customer.id,
        channel,
        externalId,
        ...(verified === undefined ? {} : { verified }),
      });

    await add(Channel.WhatsApp, '+8613800000000', true);
    await add(Channel.Line, 'U-line-1');
    const withBoth = await add(Channel.Telegram, 'tg-1');
    const line = withBoth.identities.find((identity) => identity.channel === Channel.Line)!;
    const after = await crm.request(SUBJECTS.crm.removeIdentity, {
      workspaceId,
      actor: agent,
      customerId: customer.id,
      identityId: line.id,
    });

    expect(
      after.identities.map(({ channel, externalId, verified }) => [channel, externalId, verified]),
    ).toEqual([
      ['whatsapp', '+8613800000000', true],
      ['telegram', 'tg-1', false],
    ]);
    // The next message on WhatsApp lands on this record.
    expect(
      await crm.request(SUBJECTS.crm.resolveCustomer, {
        workspaceId,
        channel: Channel.WhatsApp,
        externalId: '+8613800000000',
      }),
    ).toMatchObject({ customerId: customer.id, created: false });
    const actions = await crm.query<{ action: string }>(
      `select action from crm.audit_entries where entity_id = $1 order by id`,
      [customer.id],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'created',
      'identity_added',
      'identity_added',
      'identity_added',
      'identity_removed',
    ]);
  });

  it("refuses an id another customer holds on the channel, and another customer's identity", async () => {
    const workspaceId = randomUUID();
    const { customerId: holder } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Telegram,
      externalId: 'tg-taken',
    });
    const other = await crm.request(SUBJECTS.crm.createCustomer, { workspaceId, actor: agent });

    expect(
      await crm.refusal(SUBJECTS.crm.addIdentity, {
        workspaceId,
        actor: agent,
        customerId: other.id,
        channel: Channel.Telegram,
        externalId: 'tg-taken',
      }),
    ).toMatchObject({ code: 'CUSTOMER_IDENTITY_TAKEN' });
    const [identity] = (await get(workspaceId, holder)).identities;
    expect(
      await crm.refusal(SUBJECTS.crm.removeIdentity, {
        workspaceId,
        actor: agent,
        customerId: other.id,
        identityId: identity.id,
      }),
    ).toMatchObject({ code: 'CUSTOMER_IDENTITY_NOT_FOUND' });
    expect((await get(workspaceId, holder)).identities).toHaveLength(1);
  });

  it('links a first contact with a verified email to the customer holding that email verified', async () => {
    const workspaceId = randomUUID();
    const known = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'Sato Hanako',
      email: 'Hanako@Example.jp',
      emailVerified: true,
      phone: '+81 90-1111-2222',
      phoneVerified: true,
    });

    const byEmail = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Email,
      externalId: 'hanako@example.jp',
      email: 'hanako@example.jp',
      verified: true,
    });
    const byPhone = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.WhatsApp,
      externalId: '819011112222',
      phone: '819011112222',
      verified: true,
    });

    expect(byEmail).toEqual({ customerId: known.id, created: false, vip: false });
    expect(byPhone).toEqual({ customerId: known.id, created: false, vip: false });
    expect(
      (await get(workspaceId, known.id)).identities.map((identity) => identity.channel),
    ).toEqual(['email', 'whatsapp']);
    const [{ count }] = await crm.query<{ count: string }>(
      `select count(*) from crm.customers where workspace_id = $1`,
      [workspaceId],
    );
    expect(count).toBe('1');
    const linked = await crm.query<{ action: string; actor_type: string }>(
      `select action, actor_type from crm.audit_entries where entity_id = $1 and action = 'identity_linked'`,
      [known.id],
    );
    expect(linked).toHaveLength(2);
    expect(linked[0].actor_type).toBe('system');
  });

  it('trusts an email a site vouched for (identify): the same verified email later links', async () => {
    const workspaceId = randomUUID();
    const visitorId = randomUUID();
    const { customerId } = await crm.request(SUBJECTS.crm.identifyCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: visitorId,
      externalUserId: 'shop-user-9',
      email: 'nine@example.com',
    });

    const byMail = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Email,
      externalId: 'nine@example.com',
      email: 'nine@example.com',
      verified: true,
    });

    expect(await get(workspaceId, customerId)).toMatchObject({ emailVerified: true });
    expect(byMail).toMatchObject({ customerId, created: false });
    const actions = await crm.query<{ action: string; actor_type: string }>(
      `select action, actor_type from crm.audit_entries where entity_id = $1 order by id`,
      [customerId],
    );
    expect(actions.map((row) => row.action)).toEqual(['identity_linked', 'identity_linked']);
  });

  it('never links on an unverified email: a new customer, and a suggestion agents see', async () => {
    const workspaceId = randomUUID();
    const known = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'Kim Minji',
      email: 'minji@example.kr',
      emailVerified: true,
    });

    const unverified = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: `visitor-${randomUUID()}`,
      email: 'minji@example.kr',
    });
    // A verified channel with the same name: a name alone never links.
    const sameName = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Messenger,
      externalId: 'psid-1',
      name: 'kim minji',
      verified: true,
    });

    expect(unverified.created).toBe(true);
    expect(sameName.created).toBe(true);
    const listed = await suggestions(workspaceId, known.id);
    expect(
      listed.map(({ candidateId, reason, status }) => [candidateId, reason, status]).sort(),
    ).toEqual(
      [
        [unverified.customerId, 'same_email', 'pending'],
        [sameName.customerId, 'same_name', 'pending'],
      ].sort(),
    );
    expect(listed[0]).toMatchObject({ customerId: known.id });
    expect((await suggestions(workspaceId, unverified.customerId))[0]).toMatchObject({
      customerId: unverified.customerId,
      candidateId: known.id,
      candidateName: 'Kim Minji',
    });
  });

  it('suggests the customer whose email a visitor typed in the pre-chat form, without linking', async () => {
    const workspaceId = randomUUID();
    const known = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      email: 'typed@example.com',
      emailVerified: true,
    });

    const { customerId } = await crm.request(SUBJECTS.crm.recordVisitorProfile, {
      workspaceId,
      channel: Channel.Web,
      externalId: randomUUID(),
      email: 'Typed@example.com',
    });

    expect(customerId).not.toBe(known.id);
    expect(
      (await suggestions(workspaceId, known.id)).map(({ candidateId, reason }) => [
        candidateId,
        reason,
      ]),
    ).toEqual([[customerId, 'same_email']]);
  });

  it('accepting a suggestion moves the other record’s identities; dismissing hides it; deciding twice is refused', async () => {
    const workspaceId = randomUUID();
    const kept = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'Ana Souza',
    });
    const visitor = `visitor-${randomUUID()}`;
    const { customerId: other } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: visitor,
      name: 'Ana Souza',
    });
    const third = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'ana souza',
    });
    const pending = await suggestions(workspaceId, kept.id);
    const withOther = pending.find((suggestion) => suggestion.candidateId === other)!;
    const withThird = pending.find((suggestion) => suggestion.candidateId === third.id)!;

    const accepted = await crm.request(SUBJECTS.crm.decideLinkSuggestion, {
      workspaceId,
      actor: agent,
      suggestionId: withOther.id,
      customerId: kept.id,
      decision: 'accept',
    });
    await crm.request(SUBJECTS.crm.decideLinkSuggestion, {
      workspaceId,
      actor: agent,
      suggestionId: withThird.id,
      customerId: kept.id,
      decision: 'dismiss',
    });

    expect(accepted).toMatchObject({ status: 'accepted', candidateId: other });
    expect(
      (await get(workspaceId, kept.id)).identities.map((identity) => identity.externalId),
    ).toEqual([visitor]);
    expect((await get(workspaceId, other)).identities).toEqual([]);
    expect(
      await crm.request(SUBJECTS.crm.resolveCustomer, {
        workspaceId,
        channel: Channel.Web,
        externalId: visitor,
      }),
    ).toMatchObject({ customerId: kept.id });
    expect((await suggestions(workspaceId, kept.id)).map((s) => s.candidateId)).not.toContain(
      third.id,
    );
    expect(
      await crm.refusal(SUBJECTS.crm.decideLinkSuggestion, {
        workspaceId,
        actor: agent,
        suggestionId: withThird.id,
        customerId: kept.id,
        decision: 'accept',
      }),
    ).toMatchObject({ code: 'CUSTOMER_SUGGESTION_DECIDED' });
    expect(
      await crm.refusal(SUBJECTS.crm.decideLinkSuggestion, {
        workspaceId: randomUUID(),
        actor: agent,
        suggestionId: withThird.id,
        customerId: kept.id,
        decision: 'dismiss',
      }),
    ).toMatchObject({ code: 'CUSTOMER_SUGGESTION_NOT_FOUND' });
    const events = await crm.query<{ action: string }>(
      `select payload ->> 'action' as action from crm.outbox
        where payload ->> 'customerId' in ($1, $2) order by id`,
      [kept.id, other],
    );
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['suggestion_accepted', 'identity_linked', 'suggestion_dismissed']),
    );
  });
});
