import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import type { Locator, Page } from 'playwright-core';
import { LOCALES, type Locale } from '../support/browser';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { startHostSite } from '../support/host-site';
import {
  inboxText,
  openInbox,
  openSettingsScreen,
  TABLET,
  type InboxAgent,
} from '../support/inbox';
import { PlatformFake } from '../support/social-platforms';
import { hub as callHub, waitForWidget, widgetOf } from '../support/widget';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

/** The settings' text for `key` in `locale`, its `{{placeholders}}` filled in. */
function text(locale: Locale, key: string, values: Record<string, string> = {}): string {
  const [namespace, path] = key.includes(':') ? key.split(':') : ['settings', key];
  return Object.entries(values).reduce(
    (result, [name, value]) => result.replace(`{{${name}}}`, value),
    inboxText(locale, namespace, path),
  );
}
const en = (key: string, values?: Record<string, string>) => text('en-US', key, values);

/** The screens this suite adds to Settings, and those it changed, by their path. */
const NEW_SCREENS = [
  'business-hours',
  'sla-policies',
  'custom-attributes',
  'ticket-categories',
  'workspace',
] as const;
const CHANGED_SCREENS = ['agents', 'inboxes'] as const;

const SOCIAL_PUBLIC_URL = 'https://social.example.test';
const VERIFY_TOKEN = 'meta-verify-token-for-settings';
/** The social and API channels the Inboxes screen creates, as its channel list names them. */
const FORM_CHANNELS = ['messenger', 'instagram', 'whatsapp', 'telegram', 'line', 'api'] as const;

describe('the settings screens of the inbox, against the real admin API', () => {
  let hub: BrowserHub;
  let workspace: WorkspaceFixture;
  let admin: InboxAgent | undefined;
  let platforms: PlatformFake;
  const gatewayUrl = () => hub.suite.hub.service('gateway').url;

  beforeAll(async () => {
    platforms = await PlatformFake.start();
    // connector-social answers the webhook URLs and registers Telegram bots (with a fake API).
    hub = await startBrowserHub(
      'inbox_settings',
      {
        SOCIAL_PUBLIC_URL,
        META_VERIFY_TOKEN: VERIFY_TOKEN,
        TELEGRAM_API_URL: `${platforms.origin}/telegram`,
      },
      ['connector-social'],
    );
    workspace = await createWorkspace(hub.suite.database.url, {
      ada: AgentRole.Admin,
      bo: AgentRole.Agent,
    });
  }, 180_000);

  afterEach(async () => {
    await admin?.screenshot('last-state').catch(() => undefined);
    await admin?.close();
    admin = undefined;
  });

  afterAll(async () => {
    await hub?.stop();
    await platforms?.close();
  });

  // One sign-in for the whole file (its access token outlives it): a sign-in per call would run
  // into the gateway's per-IP login limit, which the browser's own sign-ins share.
  let adaAccess: Promise<string> | undefined;
  const adaToken = () =>
    (adaAccess ??= hub.gateway.login(
      workspace.slug,
      workspace.agents.ada.email,
      workspace.agents.ada.password,
    ));
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await hub.gateway.call<T>(method, `/api/v1${path}`, {
      token: await adaToken(),
      body,
    });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  async function openSettings(screen: string, locale: Locale = 'en-US'): Promise<Page> {
    const page = admin!.page;
    await page
      .getByRole('navigation', { name: inboxText(locale, 'app', 'nav.label') })
      .getByRole('link', { name: inboxText(locale, 'app', 'nav.settings') })
      .click();
    await openSettingsScreen(page, locale, screen);
    return page;
  }
  const form = (page: Page, title: string) => page.getByRole('form', { name: title });
  const tableOf = (page: Page, title: string) => page.getByRole('table', { name: title });
  const fieldError = (scope: Locator) => scope.getByText(en('app:fieldInvalid'));
  /** Waits for the hub's refusal shown in `form`, and checks it marks `field`. */
  const refused = async (scope: Locator, field: Locator) => {
    await fieldError(scope).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
  };
  /** Opens the fixture's web inbox ("Website") for editing: its form. */
  const editWebsite = async (page: Page, locale: Locale = 'en-US') => {
    await tableOf(page, text(locale, 'inboxes.title'))
      .getByRole('button', { name: text(locale, 'inboxes.edit', { name: 'Website' }) })
      .click();
    return form(page, text(locale, 'inboxes.editing', { name: 'Website' }));
  };
  const storedWidget = async () =>
    (
      await api<{ settings: { widget: Record<string, unknown> } }>(
        'GET',
        `/inboxes/${workspace.inboxId}`,
      )
    ).settings.widget;
  /** A web inbox form's group of visitor texts in one of the widget's languages. */
  const textsIn = (scope: Locator, language: string, locale: Locale = 'en-US') =>
    scope.getByRole('group', {
      name: text(locale, 'inboxes.textsIn', { language: text(locale, `languages.${language}`) }),
    });
  /** The message field of an auto-invite rule in one of the widget's languages. */
  const ruleMessageIn = (scope: Locator, language: string, locale: Locale = 'en-US') =>
    scope.getByLabel(
      text(locale, 'inboxes.ruleMessageIn', { language: text(locale, `languages.${language}`) }),
    );
  const channelName = (channel: string, locale: Locale = 'en-US') =>
    text(locale, `channels.${channel}`);
  /** Chooses `channel` for a new social or API inbox: its form, by its title. */
  const newChannelForm = async (page: Page, channel: string, locale: Locale = 'en-US') => {
    await page.getByLabel(text(locale, 'inboxes.channelToAdd')).selectOption(channel);
    return form(
      page,
      text(locale, 'inboxes.addChannel', { channel: channelName(channel, locale) }),
    );
  };
  const connectOf = (page: Page, name: string) =>
    page.getByRole('region', { name: en('inboxes.connect', { name }) });
  /** Signs an integrator's message as docs/integrations.md says; answers the HTTP status. */
  const postSigned = async (inboxId: string, secret: string) => {
    const body = JSON.stringify({
      messageId: `m-${randomUUID()}`,
      contact: { id: 'c-settings' },
      content: 'Signed with the secret the screen showed',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    const answer = await hub.gateway.call('POST', `/api/v1/inboxes/${inboxId}/messages`, {
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-timestamp': String(timestamp),
        'x-hub-signature': `v1=${mac}`,
      },
    });
    return answer.status;
  };

  it('keeps business hours and holidays, showing a refused interval beside the week', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('business-hours');
    const hours = form(page, en('hours.set'));
    await hours.getByLabel(en('hours.timeZone')).fill('Asia/Tokyo');
    await hours.getByLabel(en('hours.days.mon')).fill('09:00-18:00');
    await hours.getByLabel(en('hours.days.tue')).fill('25:00-26:00');
    await hours.getByRole('button', { name: en('save') }).click();
    await fieldError(hours.getByRole('group', { name: en('hours.week') })).waitFor();

    await hours.getByLabel(en('hours.days.tue')).fill('09:00-12:00, 13:00-17:00');
    await hours.getByLabel(en('hours.holidays')).fill('2026-12-25\n2027-01-01');
    await hours.getByRole('button', { name: en('save') }).click();
    await hours.getByRole('status').getByText(en('saved')).waitFor();
    await tableOf(page, en('hours.title')).getByRole('cell', { name: 'Asia/Tokyo' }).waitFor();

    expect(await api('GET', '/business-hours')).toEqual([
      expect.objectContaining({
        departmentId: null,
        timeZone: 'Asia/Tokyo',
        week: {
          mon: [['09:00', '18:00']],
          tue: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
        },
        holidays: ['2026-12-25', '2027-01-01'],
      }),
    ]);
  });

  it('adds and edits an SLA policy, a refused target shown by its field', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('sla-policies');
    const policy = form(page, en('sla.add'));
    await policy.getByLabel(en('sla.name')).fill('Urgent VIPs');
    await policy.getByRole('checkbox', { name: en('sla.priorities.urgent') }).check();
    await policy.getByLabel(en('sla.vipLabel')).selectOption('yes');
    const firstResponse = policy.getByLabel(en('sla.firstResponseMinutes'));
    await firstResponse.fill('-5');
    await policy.getByRole('button', { name: en('sla.submit') }).click();
    await refused(policy, firstResponse);

    await firstResponse.fill('30');
    await policy.getByRole('button', { name: en('sla.submit') }).click();
    const table = tableOf(page, en('sla.title'));
    await table.getByRole('cell', { name: 'Urgent VIPs', exact: true }).waitFor();

    await table.getByRole('button', { name: en('sla.edit', { name: 'Urgent VIPs' }) }).click();
    const editing = form(page, en('sla.editing', { name: 'Urgent VIPs' }));
    await editing.getByLabel(en('sla.resolutionMinutes')).fill('240');
    await editing.getByRole('button', { name: en('save') }).click();
    await table.getByRole('cell', { name: en('sla.minutesValue', { count: '240' }) }).waitFor();

    expect(await api('GET', '/sla/policies')).toEqual([
      expect.objectContaining({
        name: 'Urgent VIPs',
        priorities: ['urgent'],
        vip: true,
        firstResponseMinutes: 30,
        nextResponseMinutes: null,
        resolutionMinutes: 240,
        hours: 'business',
      }),
    ]);
  });

  it('defines a custom attribute (a refused key said by its field) and relabels it', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('custom-attributes');
    const define = form(page, en('attributes.add'));
    const key = define.getByLabel(en('attributes.key'));
    await key.fill('1plan');
    await define.getByLabel(en('attributes.label')).fill('Plan');
    await define.getByLabel(en('attributes.type')).selectOption('list');
    await define.getByLabel(en('attributes.options')).fill('Free\nPro');
    await define.getByRole('button', { name: en('attributes.submit') }).click();
    await refused(define, key);

    await key.fill('plan');
    await define.getByRole('button', { name: en('attributes.submit') }).click();
    const table = tableOf(page, en('attributes.title'));
    await table.getByRole('cell', { name: 'Free, Pro' }).waitFor();
    await table.getByRole('button', { name: en('attributes.edit', { label: 'Plan' }) }).click();
    const editing = form(page, en('attributes.editing', { key: 'plan' }));
    await editing.getByLabel(en('attributes.label')).fill('Subscription plan');
    await editing.getByRole('button', { name: en('save') }).click();
    await table.getByRole('cell', { name: 'Subscription plan', exact: true }).waitFor();

    expect(await api('GET', '/customer-attributes')).toEqual([
      expect.objectContaining({
        key: 'plan',
        label: 'Subscription plan',
        type: 'list',
        options: ['Free', 'Pro'],
      }),
    ]);
  });

  it('adds ticket categories one level deep, refuses a taken name and renames one', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('ticket-categories');
    const add = form(page, en('categories.add'));
    const table = tableOf(page, en('categories.title'));
    const addCategory = async (name: string, parent?: string) => {
      await add.getByLabel(en('categories.name')).fill(name);
      if (parent) await add.getByLabel(en('categories.parent')).selectOption({ label: parent });
      await add.getByRole('button', { name: en('categories.submit') }).click();
    };
    await addCategory('Billing');
    await table.getByRole('cell', { name: 'Billing', exact: true }).waitFor();
    await addCategory('Refunds', 'Billing');
    await table.getByRole('cell', { name: '↳ Refunds' }).waitFor();
    await addCategory('Billing');
    await add.getByRole('alert').getByText(en('errors.TICKET_CATEGORY_NAME_TAKEN')).waitFor();

    await table.getByRole('button', { name: en('categories.rename', { name: 'Refunds' }) }).click();
    const renaming = form(page, en('categories.renaming', { name: 'Refunds' }));
    await renaming.getByLabel(en('categories.name')).fill('Refunds and returns');
    await renaming.getByRole('button', { name: en('save') }).click();
    await table.getByRole('cell', { name: '↳ Refunds and returns' }).waitFor();

    const categories = await api<{ name: string; parentId: string | null; id: string }[]>(
      'GET',
      '/ticket-categories',
    );
    const billing = categories.find((category) => category.name === 'Billing');
    expect(categories).toEqual([
      expect.objectContaining({ name: 'Billing', parentId: null }),
      expect.objectContaining({ name: 'Refunds and returns', parentId: billing?.id }),
    ]);
  });

  it('changes the workspace settings, a masking pattern that could backtrack refused by its field', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('workspace');
    const settings = form(page, en('workspace.title'));
    await settings.getByRole('checkbox', { name: en('workspace.typingSneakPeek') }).uncheck();
    await settings.getByLabel(en('workspace.retentionDays')).fill('30');
    const patterns = settings.getByLabel(en('workspace.maskingPatterns'));
    await patterns.fill('(a+)+');
    await settings.getByRole('button', { name: en('save') }).click();
    await refused(settings, patterns);
    await admin.screenshot('settings-workspace-refused');

    await patterns.fill('ORDER-\\d{6}');
    await settings.getByRole('button', { name: en('save') }).click();
    await settings.getByRole('status').getByText(en('saved')).waitFor();
    expect(await api('GET', '/workspace/settings')).toMatchObject({
      typingSneakPeek: false,
      retentionDays: 30,
      maskingPatterns: ['ORDER-\\d{6}'],
    });
  });

  it('edits an agent’s chat limit and departments, and a web inbox’s pre-chat form, auto-invite rule and hours', async () => {
    const sales = await api<{ id: string }>('POST', '/departments', { name: 'Sales' });
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('agents');
    await tableOf(page, en('agents.title'))
      .getByRole('button', { name: en('agents.edit', { name: 'bo' }) })
      .click();
    const agent = form(page, en('agents.editing', { name: 'bo' }));
    await agent.getByLabel(en('agents.maxChats')).fill('3');
    await agent.getByRole('checkbox', { name: 'Sales' }).check();
    await agent.getByRole('button', { name: en('save') }).click();
    await agent.waitFor({ state: 'detached' });
    const agents = await api<{ id: string; maxConcurrentChats: number; departmentIds: string[] }[]>(
      'GET',
      '/agents',
    );
    expect(agents.find((one) => one.id === workspace.agents.bo.id)).toMatchObject({
      maxConcurrentChats: 3,
      departmentIds: expect.arrayContaining([workspace.departmentId, sales.id]) as unknown,
    });

    await openSettings('inboxes');
    const inbox = await editWebsite(page);
    await textsIn(inbox, 'en').getByLabel(en('inboxes.greeting')).fill('Hello from the shop');
    await inbox.getByLabel(en('inboxes.preChatFields.email')).selectOption('required');
    await inbox.getByRole('button', { name: en('inboxes.addRule') }).click();
    await ruleMessageIn(inbox, 'en').fill('Questions about prices?');
    await inbox.getByLabel(en('inboxes.ruleUrl')).fill('/pricing*');
    await inbox.getByRole('checkbox', { name: en('inboxes.ownHours') }).check();
    await inbox.getByLabel(en('hours.timeZone')).fill('Europe/Paris');
    await inbox.getByLabel(en('hours.days.fri')).fill('09:00-17:00');
    await admin.screenshot('settings-web-inbox-edit');
    await inbox.getByRole('button', { name: en('save') }).click();
    await inbox.waitFor({ state: 'detached' });

    expect(await storedWidget()).toMatchObject({
      greeting: { en: 'Hello from the shop' },
      preChatForm: { enabled: true, fields: [{ name: 'email', required: true }] },
      autoInvite: [
        {
          id: expect.any(String) as unknown,
          message: { en: 'Questions about prices?' },
          secondsOnPage: 30,
          urlPattern: '/pricing*',
        },
      ],
      businessHours: { timeZone: 'Europe/Paris', week: { fri: [['09:00', '17:00']] } },
    });
  });

  it('edits an auto-invite rule’s Japanese text beside the default language’s, a refused text marked by its field; a Japanese visitor is invited in Japanese, a Taiwanese one in the default language', async () => {
    const inbox = await api<{ settings: { widget?: Record<string, unknown> } }>(
      'GET',
      `/inboxes/${workspace.inboxId}`,
    );
    const widget = {
      ...inbox.settings.widget,
      locales: ['en', 'zh-TW', 'ja'],
      defaultLocale: 'en',
    };
    await api('PATCH', `/inboxes/${workspace.inboxId}`, {
      settings: {
        ...inbox.settings,
        widget: {
          ...widget,
          // Only on a page the later tests' visitors never open.
          autoInvite: [
            {
              id: 'tea',
              message: { en: 'Looking for tea?' },
              secondsOnPage: 5,
              urlPattern: '*?tea=*',
            },
          ],
        },
      },
    });

    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('inboxes');
    const web = await editWebsite(page);
    const rule = web.getByRole('group', { name: en('inboxes.rule', { number: '1' }) });
    // One field per language offered (zh-CN is not), the default language's required.
    for (const language of ['en', 'zh-TW', 'ja']) await ruleMessageIn(rule, language).waitFor();
    expect(await ruleMessageIn(rule, 'zh-CN').count()).toBe(0);
    expect(await ruleMessageIn(rule, 'en').inputValue()).toBe('Looking for tea?');
    expect(await ruleMessageIn(rule, 'en').getAttribute('required')).not.toBeNull();
    expect(await ruleMessageIn(rule, 'ja').getAttribute('required')).toBeNull();

    await ruleMessageIn(rule, 'ja').fill('茶'.repeat(1001));
    await web.getByRole('button', { name: en('save') }).click();
    await refused(rule, ruleMessageIn(rule, 'ja'));
    await hub.browser.screenshot(rule, 'settings-auto-invite-rule-refused', 'en-US');

    await ruleMessageIn(rule, 'ja').fill('お茶をお探しですか？');
    await hub.browser.screenshot(rule, 'settings-auto-invite-rule', 'en-US');
    await web.getByRole('button', { name: en('save') }).click();
    await web.waitFor({ state: 'detached' });
    expect((await storedWidget()).autoInvite).toEqual([
      {
        id: 'tea',
        message: { en: 'Looking for tea?', ja: 'お茶をお探しですか？' },
        secondsOnPage: 5,
        urlPattern: '*?tea=*',
      },
    ]);
    await admin.close();

    // The same editor in Japanese.
    admin = await openInbox(hub, workspace, workspace.agents.ada, { locale: 'ja-JP' });
    const japanese = await editWebsite(await openSettings('inboxes', 'ja-JP'), 'ja-JP');
    const ruleJa = japanese.getByRole('group', {
      name: text('ja-JP', 'inboxes.rule', { number: '1' }),
    });
    expect(await ruleMessageIn(ruleJa, 'ja', 'ja-JP').inputValue()).toBe('お茶をお探しですか？');
    await hub.browser.screenshot(ruleJa, 'settings-auto-invite-rule', 'ja-JP');

    const site = await startHostSite({ hubOrigin: hub.webUrl, inboxId: workspace.inboxId });
    try {
      const invited = async (locale: Locale, message: string) => {
        const visitor = await hub.browser.visitor(locale);
        await visitor.page.goto(site.pageUrl('index.html', { tea: '1' }));
        await waitForWidget(visitor.page);
        // The rule's 5 s on the page, then the invitation.
        await widgetOf(visitor.page)
          .getByRole('dialog')
          .getByText(message, { exact: true })
          .waitFor({ timeout: 30_000 });
        await hub.browser.screenshot(visitor.page, 'widget-auto-invite', locale);
        await visitor.context.close();
      };
      await invited('ja-JP', 'お茶をお探しですか？');
      // zh-TW is offered but the rule has no Traditional Chinese text: the default language's.
      await invited('zh-TW', 'Looking for tea?');
    } finally {
      await site.close();
    }
  });

  it('invites an agent by a link: they choose name and password and land signed in; a used link says so', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('agents');
    const add = form(page, en('agents.add'));
    await add.getByLabel(en('agents.email')).fill('ivy@example.test');
    await add.getByLabel(en('agents.name')).fill('Ivy');
    await add.getByRole('button', { name: en('agents.submit') }).click();
    const link = await add.getByLabel(en('agents.invited')).inputValue();
    expect(link).toMatch(
      new RegExp(`^${gatewayUrl()}/invitations/[A-Za-z0-9_-]{43}\\?workspace=${workspace.slug}$`),
    );

    const accept = async (locale: Locale) => {
      const context = await hub.browser.browser.newContext({ locale });
      const invitee = await context.newPage();
      await invitee.goto(link);
      await invitee.getByLabel(text(locale, 'auth:invitation.name')).fill('Ivy Invitee');
      await invitee.getByLabel(text(locale, 'auth:invitation.password')).fill('ivy password 1');
      await invitee.getByRole('button', { name: text(locale, 'auth:invitation.submit') }).click();
      return { context, invitee };
    };
    const first = await accept('en-US');
    await first.invitee
      .getByRole('navigation', { name: inboxText('en-US', 'app', 'nav.label') })
      .waitFor({ timeout: 15_000 });
    expect(new URL(first.invitee.url()).pathname).toBe('/conversations');
    await first.context.close();

    const again = await accept('ja-JP');
    await again.invitee
      .getByRole('alert')
      .getByText(text('ja-JP', 'auth:invitation.invalid'))
      .waitFor();
    await hub.browser.screenshot(again.invitee, 'invitation-used', 'ja-JP');
    await again.context.close();
    await expect(
      hub.gateway.login(workspace.slug, 'ivy@example.test', 'ivy password 1'),
    ).resolves.toEqual(expect.any(String));
  });

  it('creates social and API inboxes from their forms: a refused id marked by its field, credentials never shown, the URL to paste into each platform', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('inboxes');
    const appSecret = `meta-app-secret-${randomBytes(6).toString('hex')}`;
    const messenger = await newChannelForm(page, 'messenger');
    await messenger.getByLabel(en('inboxes.name')).fill('Facebook shop');
    const pageId = messenger.getByLabel(en('inboxes.fields.pageId'));
    await pageId.fill('shop-page');
    await messenger.getByLabel(en('inboxes.secrets.pageAccessToken')).fill('EAAG-page-token');
    await messenger.getByLabel(en('inboxes.secrets.appSecret')).fill(appSecret);
    const createMessenger = messenger.getByRole('button', {
      name: en('inboxes.submitChannel', { channel: 'Messenger' }),
    });
    await createMessenger.click();
    await refused(messenger, pageId);
    await admin.screenshot('settings-messenger-inbox-refused');
    await pageId.fill('1234567890');
    await createMessenger.click();

    // Created: it opens for connecting, the secrets said to be set and never shown.
    const edit = form(page, en('inboxes.editing', { name: 'Facebook shop' }));
    expect(await edit.getByLabel(en('inboxes.fields.pageId')).inputValue()).toBe('1234567890');
    const secret = edit.getByLabel(en('inboxes.secrets.appSecret'));
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('type')).toBe('password');
    await edit.getByText(en('inboxes.secretSet')).first().waitFor();
    const connect = connectOf(page, 'Facebook shop');
    const webhookUrl = connect.getByLabel(en('inboxes.webhookUrl'));
    await webhookUrl.waitFor();
    expect(await webhookUrl.inputValue()).toBe(`${SOCIAL_PUBLIC_URL}/webhooks/meta`);
    expect(await connect.getByLabel(en('inboxes.verifyToken')).inputValue()).toBe(VERIFY_TOKEN);
    expect(await page.content()).not.toContain(appSecret);
    await hub.browser.screenshot(connect, 'settings-messenger-inbox-connect', 'en-US');
    await edit.getByRole('button', { name: en('cancel') }).click();

    const line = await newChannelForm(page, 'line');
    await line.getByLabel(en('inboxes.name')).fill('LINE 公式');
    await line.getByLabel(en('inboxes.secrets.channelAccessToken')).fill('line-access-token');
    await line.getByLabel(en('inboxes.secrets.channelSecret')).fill('line-channel-secret');
    await line
      .getByRole('button', { name: en('inboxes.submitChannel', { channel: 'LINE' }) })
      .click();
    const lineUrl = connectOf(page, 'LINE 公式').getByLabel(en('inboxes.webhookUrl'));
    await lineUrl.waitFor();
    const inboxes = await api<
      { id: string; name: string; channel: string; secretsSet: string[] }[]
    >('GET', '/inboxes');
    const lineInbox = inboxes.find((inbox) => inbox.name === 'LINE 公式')!;
    expect(await lineUrl.inputValue()).toBe(`${SOCIAL_PUBLIC_URL}/webhooks/line/${lineInbox.id}`);
    expect(lineInbox.secretsSet).toEqual(['channelAccessToken', 'channelSecret']);
    expect(inboxes.find((inbox) => inbox.name === 'Facebook shop')).toMatchObject({
      channel: 'messenger',
      settings: { pageId: '1234567890' },
      secretsSet: ['appSecret', 'pageAccessToken'],
    });
    expect(JSON.stringify(inboxes)).not.toContain(appSecret);
    await form(page, en('inboxes.editing', { name: 'LINE 公式' }))
      .getByRole('button', { name: en('cancel') })
      .click();

    const telegram = await newChannelForm(page, 'telegram');
    await telegram.getByLabel(en('inboxes.name')).fill('Telegram bot');
    await telegram.getByLabel(en('inboxes.secrets.botToken')).fill('123:tg-token');
    await telegram.getByLabel(en('inboxes.secrets.webhookSecret')).fill('tg_secret_token');
    await telegram
      .getByRole('button', { name: en('inboxes.submitChannel', { channel: 'Telegram' }) })
      .click();
    const telegramConnect = connectOf(page, 'Telegram bot');
    await telegramConnect.getByRole('button', { name: en('inboxes.registerTelegram') }).click();
    await telegramConnect.getByRole('status').waitFor();
    const [setWebhook] = platforms.callsTo(/^\/telegram\/bot123:tg-token\/setWebhook$/);
    expect(setWebhook.json).toMatchObject({ secret_token: 'tg_secret_token' });
    expect(await telegramConnect.getByRole('status').textContent()).toContain(
      (setWebhook.json as { url: string }).url,
    );
  });

  it('creates an API inbox and rotates its signing secret, shown once, the old one still accepted', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('inboxes');
    const first = randomBytes(24).toString('hex');
    const apiForm = await newChannelForm(page, 'api');
    await apiForm.getByLabel(en('inboxes.name')).fill('Shop backend');
    const callback = apiForm.getByLabel(en('inboxes.fields.callbackUrl'));
    await callback.fill('ftp://shop.example/replies');
    await apiForm.getByLabel(en('inboxes.secrets.signingSecret')).fill(first);
    const create = apiForm.getByRole('button', {
      name: en('inboxes.submitChannel', { channel: 'API' }),
    });
    await create.click();
    await refused(apiForm, callback);
    await callback.fill('https://shop.example/hub-replies');
    await create.click();

    const connect = connectOf(page, 'Shop backend');
    const endpoint = connect.getByLabel(en('inboxes.apiEndpoint'));
    await endpoint.waitFor();
    const inboxId = /\/api\/v1\/inboxes\/([0-9a-f-]{36})\/messages$/.exec(
      await endpoint.inputValue(),
    )?.[1];
    expect(await endpoint.inputValue()).toBe(`${gatewayUrl()}/api/v1/inboxes/${inboxId}/messages`);
    expect(await postSigned(inboxId!, first)).toBe(202);

    await connect.getByRole('button', { name: en('inboxes.rotateSecret') }).click();
    const shown = connect.getByRole('status').getByLabel(en('inboxes.newSecret'));
    await shown.waitFor();
    const second = await shown.inputValue();
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await hub.browser.screenshot(connect, 'settings-api-inbox-rotated', 'en-US');
    expect(await postSigned(inboxId!, second)).toBe(202);
    expect(await postSigned(inboxId!, first)).toBe(202);

    // Shown once: leaving the form and coming back shows no secret.
    await form(page, en('inboxes.editing', { name: 'Shop backend' }))
      .getByRole('button', { name: en('cancel') })
      .click();
    await tableOf(page, en('inboxes.title'))
      .getByRole('button', { name: en('inboxes.edit', { name: 'Shop backend' }) })
      .click();
    await connectOf(page, 'Shop backend').getByLabel(en('inboxes.apiEndpoint')).waitFor();
    expect(await page.content()).not.toContain(second);
  });

  it('edits the widget’s texts per language; a Japanese visitor reads the Japanese ones, a Taiwanese one the default language’s', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('inboxes');
    const inbox = await editWebsite(page);
    const english = textsIn(inbox, 'en');
    const japanese = textsIn(inbox, 'ja');
    await english.getByLabel(en('inboxes.launcherText')).fill('Chat with us');
    await english.getByLabel(en('inboxes.greeting')).fill('Welcome to the tea shop');
    await japanese.getByLabel(en('inboxes.launcherText')).fill('チャットで相談');
    await japanese.getByLabel(en('inboxes.greeting')).fill('お茶のお店へようこそ');
    await admin.screenshot('settings-web-inbox-texts');
    await inbox.getByRole('button', { name: en('save') }).click();
    await inbox.waitFor({ state: 'detached' });
    expect(await storedWidget()).toMatchObject({
      defaultLocale: 'en',
      launcherText: { en: 'Chat with us', ja: 'チャットで相談' },
      greeting: { en: 'Welcome to the tea shop', ja: 'お茶のお店へようこそ' },
    });

    const site = await startHostSite({ hubOrigin: hub.webUrl, inboxId: workspace.inboxId });
    try {
      const seen = async (locale: Locale, launcher: string, greeting: string) => {
        const visitor = await hub.browser.visitor(locale);
        const widget = widgetOf(visitor.page);
        // connector-web keeps an inbox's widget config for five seconds: load until it is fresh.
        await waitFor(
          async () => {
            await visitor.page.goto(site.pageUrl('index.html'));
            await waitForWidget(visitor.page);
            return widget
              .getByText(launcher, { exact: true })
              .waitFor({ timeout: 3_000 })
              .then(
                () => true,
                () => false,
              );
          },
          30_000,
          () => `no launcher text "${launcher}" for ${locale}`,
        );
        await hub.browser.screenshot(visitor.page, 'widget-launcher-text', locale);
        await callHub(visitor.page, 'open');
        await widget.getByText(greeting, { exact: true }).waitFor();
        await hub.browser.screenshot(visitor.page, 'widget-texts-per-language', locale);
        await visitor.context.close();
      };
      await seen('ja-JP', 'チャットで相談', 'お茶のお店へようこそ');
      // No Traditional Chinese texts: the default language's.
      await seen('zh-TW', 'Chat with us', 'Welcome to the tea shop');
    } finally {
      await site.close();
    }
  });

  it('deletes a custom attribute after saying its values go too; the customers lose them', async () => {
    await api('POST', '/customer-attributes', { key: 'loyalty', label: 'Loyalty', type: 'text' });
    const customer = await api<{ id: string }>('POST', '/customers', {
      name: 'Mei',
      attributes: { loyalty: 'gold' },
    });
    admin = await openInbox(hub, workspace, workspace.agents.ada);
    const page = await openSettings('custom-attributes');
    const table = tableOf(page, en('attributes.title'));
    await table
      .getByRole('button', { name: en('attributes.delete', { label: 'Loyalty' }) })
      .click();
    const confirm = page.getByRole('alertdialog', {
      name: en('attributes.deleting', { key: 'loyalty' }),
    });
    await confirm.getByText(en('attributes.deleteWarning')).waitFor();
    await admin.screenshot('settings-custom-attribute-delete');
    await confirm
      .getByRole('button', { name: en('attributes.confirmDelete', { key: 'loyalty' }) })
      .click();
    await page
      .getByRole('status')
      .getByText(en('attributes.deleted', { key: 'loyalty', count: '1' }))
      .waitFor();
    await table.getByRole('cell', { name: 'loyalty' }).waitFor({ state: 'detached' });
    expect(
      (await api<{ attributes: object }>('GET', `/customers/${customer.id}`)).attributes,
    ).toEqual({});
  });

  it('shows the social and API inbox forms, their connection and the per-language texts in English and Japanese', async () => {
    for (const locale of ['en-US', 'ja-JP'] as const) {
      admin = await openInbox(hub, workspace, workspace.agents.ada, { locale });
      const page = await openSettings('inboxes', locale);
      for (const channel of FORM_CHANNELS) {
        const shown = await newChannelForm(page, channel, locale);
        await shown.waitFor();
        await hub.browser.screenshot(shown, `settings-new-${channel}-inbox`, locale);
      }
      for (const name of ['Facebook shop', 'Shop backend', 'Telegram bot']) {
        await tableOf(page, text(locale, 'inboxes.title'))
          .getByRole('button', { name: text(locale, 'inboxes.edit', { name }) })
          .click();
        const connect = page.getByRole('region', {
          name: text(locale, 'inboxes.connect', { name }),
        });
        await connect.getByRole('textbox').first().waitFor();
        const shot = `settings-edit-inbox-${name.replaceAll(' ', '-').toLowerCase()}`;
        await hub.browser.screenshot(
          form(page, text(locale, 'inboxes.editing', { name })),
          shot,
          locale,
        );
        await hub.browser.screenshot(connect, `${shot}-connect`, locale);
        await page
          .getByRole('button', { name: text(locale, 'cancel') })
          .first()
          .click();
      }
      const web = await editWebsite(page, locale);
      await textsIn(web, 'ja', locale).scrollIntoViewIfNeeded();
      await admin.screenshot('settings-web-inbox-texts');
      await openSettings('custom-attributes', locale);
      await tableOf(page, text(locale, 'attributes.title'))
        .getByRole('button', {
          name: text(locale, 'attributes.delete', { label: 'Subscription plan' }),
        })
        .click();
      const confirm = page.getByRole('alertdialog', {
        name: text(locale, 'attributes.deleting', { key: 'plan' }),
      });
      await hub.browser.screenshot(confirm, 'settings-custom-attribute-delete', locale);
      await confirm.getByRole('button', { name: text(locale, 'cancel') }).click();
      await admin.close();
      admin = undefined;
    }
  });

  // One test per language: the four together took 30 s alone and over a minute in a loaded run.
  it.each(LOCALES)(
    'shows every new and changed settings screen, and the invitation page, in %s',
    async (locale) => {
      admin = await openInbox(hub, workspace, workspace.agents.ada, { locale });
      for (const screen of [...NEW_SCREENS, ...CHANGED_SCREENS]) {
        const page = await openSettings(screen, locale);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await page.getByRole('table').or(page.getByRole('form')).first().waitFor();
        await admin.screenshot(`settings-${screen}`);
      }
      const invitation = await admin.context.newPage();
      await invitation.goto(`${gatewayUrl()}/invitations/${'x'.repeat(43)}?workspace=demo`);
      await invitation
        .getByRole('heading', { name: text(locale, 'auth:invitation.title') })
        .waitFor();
      await hub.browser.screenshot(invitation, 'invitation', locale);
      await admin.close();
      admin = undefined;
    },
  );

  it('fits a tablet: each new screen in English at 820 px', async () => {
    admin = await openInbox(hub, workspace, workspace.agents.ada, { viewport: TABLET });
    for (const screen of NEW_SCREENS) {
      const page = await openSettings(screen);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      // Evaluated in the page: this file is compiled without the DOM's types.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ screen, overflow }).toEqual({ screen, overflow: 0 });
      await admin.screenshot(`settings-${screen}-tablet`);
    }
  });
});
