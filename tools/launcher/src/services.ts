import path from 'node:path';
import { HUB_SERVICES } from '@hub/config';
import type { HubServiceName } from '@hub/config';

export type { HubServiceName } from '@hub/config';

export interface LaunchedService {
  name: HubServiceName;
  port: number;
  /** The compiled entry point, relative to the repository root. */
  entry: string;
  url: string;
}

/** The seven services in start order, with their ports (one table: `@hub/config`). */
export const SERVICES: readonly LaunchedService[] = HUB_SERVICES.map(({ name, port }) => ({
  name,
  port,
  entry: path.join('dist', 'apps', name, 'src', 'main.js'),
  url: `http://127.0.0.1:${port}`,
}));

export function readinessUrl(service: LaunchedService): string {
  return `${service.url}/health/ready`;
}

/** Picks the services named on the command line (all when none); rejects unknown names. */
export function selectServices(names: readonly string[]): LaunchedService[] {
  if (names.length === 0) return [...SERVICES];
  const unknown = names.filter((name) => !SERVICES.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown service(s): ${unknown.join(', ')}; known: ${SERVICES.map((s) => s.name).join(', ')}`,
    );
  }
  return SERVICES.filter((s) => names.includes(s.name));
}

export interface ServiceEnvInput {
  databaseUrl: string;
  natsUrl: string;
  jwtSecret: string;
  logLevel: string;
}

/** The environment each child gets on top of the launcher's own. */
export function serviceEnv(
  service: LaunchedService,
  input: ServiceEnvInput,
): Record<string, string> {
  return {
    PORT: String(service.port),
    DATABASE_URL: input.databaseUrl,
    NATS_URL: input.natsUrl,
    HUB_NAMESPACE: 'hub',
    LOG_LEVEL: input.logLevel,
    NODE_ENV: 'development',
    JWT_SECRET: input.jwtSecret,
  };
}
