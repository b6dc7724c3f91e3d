import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AgentRole } from '@hub/domain';
import type { GatewayEnv } from '../gateway.env';
import { TokenService } from './token.service';

const secret = 'a'.repeat(64);
const tokens = new TokenService({ JWT_SECRET: secret, JWT_TTL_SECONDS: 600 } as GatewayEnv);
const agent = { id: randomUUID(), workspaceId: randomUUID(), role: AgentRole.Supervisor };

function codeOf(token: string): string | undefined {
  try {
    tokens.verify(token);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('agent access tokens', () => {
  it('verifies what it issued back into the agent, workspace, role, session and expiry', () => {
    const sessionId = randomUUID();
    const { accessToken, expiresIn } = tokens.issue(agent, sessionId);
    const verified = tokens.verify(accessToken);

    expect(expiresIn).toBe(600);
    expect(verified).toMatchObject({
      agentId: agent.id,
      workspaceId: agent.workspaceId,
      role: 'supervisor',
      sessionId,
    });
    expect(verified.expiresAt).toBeGreaterThan(Date.now() + 590_000);
  });

  it('calls a token expired only when its signature is good', () => {
    const expired = (key: string) =>
      new JwtService().sign(
        {
          sub: agent.id,
          ws: agent.workspaceId,
          role: agent.role,
          sid: randomUUID(),
          exp: Math.floor(Date.now() / 1000) - 10,
        },
        { secret: key, audience: 'hub-agent', issuer: 'hub-gateway' },
      );

    expect(codeOf(expired(secret))).toBe('AUTH_TOKEN_EXPIRED');
    expect(codeOf(expired('b'.repeat(64)))).toBe('AUTH_TOKEN_INVALID');
  });

  it.each([
    [
      'claims that are not ids',
      { sub: 'admin', ws: agent.workspaceId, role: 'admin', sid: randomUUID() },
    ],
    [
      'a role the hub does not know',
      { sub: agent.id, ws: agent.workspaceId, role: 'root', sid: randomUUID() },
    ],
    ['no workspace', { sub: agent.id, role: 'agent', sid: randomUUID() }],
    [
      'no session (a token from before sessions)',
      { sub: agent.id, ws: agent.workspaceId, role: 'agent' },
    ],
  ])('refuses a well-signed token with %s', (_what, claims) => {
    const token = new JwtService().sign(claims, {
      secret,
      audience: 'hub-agent',
      issuer: 'hub-gateway',
      expiresIn: 60,
    });
    expect(codeOf(token)).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses a token signed with HS512 even under the right secret', () => {
    const token = new JwtService().sign(
      { sub: agent.id, ws: agent.workspaceId, role: 'agent' },
      { secret, algorithm: 'HS512', audience: 'hub-agent', issuer: 'hub-gateway', expiresIn: 60 },
    );
    expect(codeOf(token)).toBe('AUTH_TOKEN_INVALID');
  });
});
