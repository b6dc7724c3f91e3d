import { randomBytes } from 'node:crypto';
import { hashPassword } from '@hub/auth';
import { AgentRole, Channel } from '@hub/domain';
import { Client } from 'pg';

export interface FixtureAgent {
  id: string;
  name: string;
  email: string;
  password: string;
  role: AgentRole;
}

export interface WorkspaceFixture {
  id: string;
  slug: string;
  inboxId: string;
  departmentId: string;
  agents: Record<string, FixtureAgent>;
}

/**
 * A workspace of its own for one test (so assignments and capacity of one test never affect
 * another): agents with known passwords, a "General" department holding the non-admin agents,
 * a web inbox and one canned response. Inserted the way the seed does.
 */
export async function createWorkspace(
  databaseUrl: string,
  agents: Record<string, AgentRole>,
  options: { settings?: Record<string, unknown> } = {},
): Promise<WorkspaceFixture> {
  const slug = `ws-${randomBytes(6).toString('hex')}`;
  const people = await Promise.all(
    Object.entries(agents).map(async ([name, role]) => {
      const password = randomBytes(9).toString('base64url');
      return {
        name,
        role,
        password,
        email: `${name}@${slug}.test`,
        hash: await hashPassword(password),
      };
    }),
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const workspace = await db.query<{ id: string }>(
      `INSERT INTO gateway.workspaces (name, slug, settings) VALUES ($1, $1, $2) RETURNING id`,
      [slug, JSON.stringify(options.settings ?? {})],
    );
    const workspaceId = workspace.rows[0].id;
    const fixtureAgents: Record<string, FixtureAgent> = {};
    for (const person of people) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO routing.agents (workspace_id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [workspaceId, person.name, person.email, person.role, person.hash],
      );
      fixtureAgents[person.name] = {
        id: rows[0].id,
        name: person.name,
        email: person.email,
        password: person.password,
        role: person.role,
      };
    }
    const department = await db.query<{ id: string }>(
      `INSERT INTO routing.departments (workspace_id, name) VALUES ($1, 'General') RETURNING id`,
      [workspaceId],
    );
    const departmentId = department.rows[0].id;
    const members = Object.values(fixtureAgents).filter((agent) => agent.role !== AgentRole.Admin);
    for (const agent of members) {
      await db.query(
        `INSERT INTO routing.department_agents (workspace_id, department_id, agent_id) VALUES ($1, $2, $3)`,
        [workspaceId, departmentId, agent.id],
      );
    }
    const inbox = await db.query<{ id: string }>(
      `INSERT INTO conversation.inboxes (workspace_id, name, channel) VALUES ($1, 'Website', $2) RETURNING id`,
      [workspaceId, Channel.Web],
    );
    await db.query(
      `INSERT INTO conversation.canned_responses (workspace_id, shortcut, text) VALUES ($1, 'hello', 'Hi there!')`,
      [workspaceId],
    );
    return {
      id: workspaceId,
      slug,
      inboxId: inbox.rows[0].id,
      departmentId,
      agents: fixtureAgents,
    };
  } finally {
    await db.end();
  }
}
