import { Client } from 'pg';
import { hashPassword } from '@hub/auth';
import { DEMO_SLUG, readablePassword } from './seed-demo-workspace';
import type { DemoLogin } from './seed-demo-workspace';

export interface ResetDemoPasswordResult {
  workspaceId: string;
  login: DemoLogin;
}

/** No demo workspace, or no agent with that email in it; the message lists the emails there are. */
export class DemoAgentNotFoundError extends Error {}

/**
 * Gives the demo agent with `email` a new password (a random readable one unless given) and
 * returns it: the only way back in once the passwords printed at creation are lost, since the
 * database keeps hashes only.
 */
export async function resetDemoPassword(
  databaseUrl: string,
  email: string,
  password: string = readablePassword(),
): Promise<ResetDemoPasswordResult> {
  const hash = await hashPassword(password);
  const client = new Client({ connectionString: databaseUrl, application_name: 'hub-seed' });
  await client.connect();
  try {
    const updated = await client.query<{
      workspace_id: string;
      name: string;
      email: string;
      role: DemoLogin['role'];
    }>(
      `update routing.agents a set password_hash = $3
       from gateway.workspaces w
       where w.slug = $1 and a.workspace_id = w.id and a.email = $2
       returning a.workspace_id, a.name, a.email, a.role`,
      [DEMO_SLUG, email.toLowerCase(), hash],
    );
    const agent = updated.rows[0];
    if (!agent) throw new DemoAgentNotFoundError(await notFoundMessage(client, email));
    return {
      workspaceId: agent.workspace_id,
      login: { role: agent.role, name: agent.name, email: agent.email, password },
    };
  } finally {
    await client.end();
  }
}

async function notFoundMessage(client: Client, email: string): Promise<string> {
  const agents = await client.query<{ email: string }>(
    `select a.email from routing.agents a
     join gateway.workspaces w on w.id = a.workspace_id
     where w.slug = $1 order by a.email`,
    [DEMO_SLUG],
  );
  if (agents.rowCount === 0) return 'this database has no demo workspace; `npm start` creates it';
  return `no demo agent ${email}; the demo agents are ${agents.rows.map((r) => r.email).join(', ')}`;
}
