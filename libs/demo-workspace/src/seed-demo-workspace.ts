import { randomBytes, randomInt } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@hub/auth';
import { AgentRole, Channel } from '@hub/domain';

export interface DemoLogin {
  role: AgentRole;
  name: string;
  email: string;
  password: string;
}

export interface SeedDemoWorkspaceOptions {
  /** Fixed passwords (e.g. from the launcher's env); a random readable one otherwise. */
  passwords?: { admin?: string; alice?: string; bob?: string };
}

export interface SeedDemoWorkspaceResult {
  created: boolean;
  workspaceId: string;
  /** The workspace's web inbox: what a visitor session (the widget) names. */
  webInboxId: string;
  /** Empty when the workspace already existed: its passwords are not stored (only hashes). */
  logins: DemoLogin[];
}

/** The demo workspace's slug: the `workspace` of a demo login. */
export const DEMO_SLUG = 'demo';

/** The demo workspace's email inbox (its `settings.email`). */
export const DEMO_EMAIL_INBOX = {
  address: 'support@demo.localhost',
  displayName: 'Demo Shop Support',
  signature: 'Demo Shop Support',
};
// No 0/o, 1/l/i: the password is read off a terminal and typed into a login form.
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three dash-separated groups of four, about 59 bits: `k7dp-x2mq-9rtw`. */
export function readablePassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return [group(), group(), group()].join('-');
}

const CANNED_RESPONSES = [
  { shortcut: 'hello', text: 'Hi there! How can I help you today?' },
  { shortcut: 'thanks', text: 'Thanks for reaching out. Is there anything else I can help with?' },
];

// The demo inbox's widget (docs/widget-api.md): both departments in the picker, the greeting
// and one auto-invitation in the four languages, no pre-chat form, always open.
function demoWidgetSettings(departmentIds: string[]): Record<string, unknown> {
  return {
    primaryColor: '#2563eb',
    greeting: {
      en: 'Hi! Questions about our shop? We are happy to help.',
      'zh-CN': '您好！对我们的商店有疑问吗？我们很乐意为您解答。',
      'zh-TW': '您好！對我們的商店有疑問嗎？我們很樂意為您解答。',
      ja: 'こんにちは！ショップについてご不明な点があれば、お気軽にどうぞ。',
    },
    locales: ['en', 'zh-CN', 'zh-TW', 'ja'],
    departmentIds,
    preChatForm: {
      enabled: false,
      fields: [
        { name: 'name', required: true },
        { name: 'email', required: true },
      ],
    },
    // What a site signs its logged-in users' ids with (Hub('identify', …)); never sent to browsers.
    identitySecret: randomBytes(32).toString('base64url'),
    businessHours: null,
    autoInvite: [
      {
        id: 'pricing-20s',
        message: {
          en: 'Comparing plans? Ask us anything.',
          'zh-CN': '正在比较方案吗？欢迎随时提问。',
          'zh-TW': '正在比較方案嗎？歡迎隨時提問。',
          ja: 'プランを比較中ですか？何でもお尋ねください。',
        },
        secondsOnPage: 20,
        urlPattern: '/pricing*',
      },
    ],
    uploads: { maxBytes: 10 * 1024 * 1024 },
  };
}

/**
 * Creates the "Demo" workspace with an admin, two agents in a "General" department (Bob also
 * in "Sales"), a web inbox with its widget settings and two canned responses, in one
 * transaction. Does nothing when the workspace
 * exists, so every launcher start may call it. This bootstrap step writes several services'
 * schemas directly because no service is running yet.
 */
export async function seedDemoWorkspace(
  databaseUrl: string,
  options: SeedDemoWorkspaceOptions = {},
): Promise<SeedDemoWorkspaceResult> {
  const people = [
    { key: 'admin', role: AgentRole.Admin, name: 'Admin', email: 'admin@demo.local' },
    { key: 'alice', role: AgentRole.Agent, name: 'Alice', email: 'alice@demo.local' },
    { key: 'bob', role: AgentRole.Agent, name: 'Bob', email: 'bob@demo.local' },
  ] as const;
  const logins: DemoLogin[] = people.map(({ key, role, name, email }) => ({
    role,
    name,
    email,
    password: options.passwords?.[key] ?? readablePassword(),
  }));
  // Hash before opening the transaction: scrypt is slow on purpose.
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));

  const client = new Client({ connectionString: databaseUrl, application_name: 'hub-seed' });
  await client.connect();
  try {
    await client.query('begin');
    // A concurrent seeder waits on the slug's unique index here, then inserts nothing.
    const inserted = await client.query<{ id: string }>(
      `insert into gateway.workspaces (name, slug) values ('Demo', $1)
       on conflict (slug) do nothing returning id`,
      [DEMO_SLUG],
    );
    const workspaceId = inserted.rows[0]?.id;
    if (!workspaceId) {
      await client.query('rollback');
      const existing = await client.query<{ id: string; inbox_id: string }>(
        `select w.id, i.id as inbox_id
           from gateway.workspaces w
           join conversation.inboxes i on i.workspace_id = w.id and i.channel = $2
          where w.slug = $1
          order by i.created_at
          limit 1`,
        [DEMO_SLUG, Channel.Web],
      );
      const { id, inbox_id } = existing.rows[0];
      return { created: false, workspaceId: id, webInboxId: inbox_id, logins: [] };
    }

    const agentIds: string[] = [];
    for (const [index, login] of logins.entries()) {
      const agent = await client.query<{ id: string }>(
        `insert into routing.agents (workspace_id, name, email, role, password_hash)
         values ($1, $2, $3, $4, $5) returning id`,
        [workspaceId, login.name, login.email.toLowerCase(), login.role, hashes[index]],
      );
      agentIds.push(agent.rows[0].id);
    }
    const department = await client.query<{ id: string }>(
      `insert into routing.departments (workspace_id, name) values ($1, 'General') returning id`,
      [workspaceId],
    );
    const departmentId = department.rows[0].id;
    const agentsInGeneral = agentIds.filter((_, index) => logins[index].role === AgentRole.Agent);
    await client.query(
      `insert into routing.department_agents (workspace_id, department_id, agent_id)
       select $1, $2, unnest($3::uuid[])`,
      [workspaceId, departmentId, agentsInGeneral],
    );
    const sales = await client.query<{ id: string }>(
      `insert into routing.departments (workspace_id, name) values ($1, 'Sales') returning id`,
      [workspaceId],
    );
    const bob = agentIds[logins.findIndex((login) => login.name === 'Bob')];
    await client.query(
      `insert into routing.department_agents (workspace_id, department_id, agent_id)
       values ($1, $2, $3)`,
      [workspaceId, sales.rows[0].id, bob],
    );
    const widget = demoWidgetSettings([departmentId, sales.rows[0].id]);
    const inbox = await client.query<{ id: string }>(
      `insert into conversation.inboxes (workspace_id, name, channel, settings)
       values ($1, 'Website', $2, $3) returning id`,
      [workspaceId, Channel.Web, JSON.stringify({ widget })],
    );
    // Mail to this address on connector-email's SMTP port lands in the demo inbox (docs/email.md).
    await client.query(
      `insert into conversation.inboxes (workspace_id, name, channel, settings)
       values ($1, 'Support mail', $2, $3)`,
      [workspaceId, Channel.Email, JSON.stringify({ email: DEMO_EMAIL_INBOX })],
    );
    for (const { shortcut, text } of CANNED_RESPONSES) {
      await client.query(
        `insert into conversation.canned_responses (workspace_id, shortcut, text) values ($1, $2, $3)`,
        [workspaceId, shortcut, text],
      );
    }
    await client.query('commit');
    return { created: true, workspaceId, webInboxId: inbox.rows[0].id, logins };
  } catch (error) {
    // The original error is the one worth reporting; a failed rollback ends with the session.
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
