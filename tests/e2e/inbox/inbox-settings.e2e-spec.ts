import { AgentRole } from '@hub/domain';
import type { Locator, Page } from 'playwright-core';
import { LOCALES, type Locale } from '../support/browser';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { inboxText, openInbox, TABLET, type InboxAgent } from '../support/inbox';
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

describe('the settings screens of the inbox, against the real admin API', () => {
  let hub: BrowserHub;
  let workspace: WorkspaceFixture;
  let admin: InboxAgent | undefined;
  const gatewayUrl = () => hub.suite.hub.service('gateway').url;

  beforeAll(async () => {
    hub = await startBrowserHub('inbox_settings');
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
  });

  const adaToken = () =>
    hub.gateway.login(workspace.slug, workspace.agents.ada.email, workspace.agents.ada.password);
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
    await page
      .getByRole('navigation', { name: text(locale, 'nav.label') })
      .getByRole('link', { name: text(locale, `nav.${screen}`) })
      .click();
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
    await tableOf(page, en('inboxes.title'))
      .getByRole('button', { name: en('inboxes.edit', { name: 'Website' }) })
      .click();
    const inbox = form(page, en('inboxes.editing', { name: 'Website' }));
    await inbox.getByLabel(en('inboxes.greeting')).fill('Hello from the shop');
    await inbox.getByLabel(en('inboxes.preChatFields.email')).selectOption('required');
    await inbox.getByRole('button', { name: en('inboxes.addRule') }).click();
    await inbox.getByLabel(en('inboxes.ruleMessage')).fill('Questions about prices?');
    await inbox.getByLabel(en('inboxes.ruleUrl')).fill('/pricing*');
    await inbox.getByRole('checkbox', { name: en('inboxes.ownHours') }).check();
    await inbox.getByLabel(en('hours.timeZone')).fill('Europe/Paris');
    await inbox.getByLabel(en('hours.days.fri')).fill('09:00-17:00');
    await admin.screenshot('settings-web-inbox-edit');
    await inbox.getByRole('button', { name: en('save') }).click();
    await inbox.waitFor({ state: 'detached' });

    const stored = await api<{ settings: { widget: Record<string, unknown> } }>(
      'GET',
      `/inboxes/${workspace.inboxId}`,
    );
    expect(stored.settings.widget).toMatchObject({
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

  it('shows every new and changed settings screen, and the invitation page, in the four languages', async () => {
    for (const locale of LOCALES) {
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
    }
  });

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
