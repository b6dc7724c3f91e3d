import { createHmac } from 'node:crypto';
import path from 'node:path';
import { HUB_SERVICES } from '@hub/config';
import type { HubServiceName } from '@hub/config';
import { DEFAULT_NAMESPACE } from '@hub/messaging';

export type { HubServiceName } from '@hub/config';

export interface LaunchedService {
  name: HubServiceName;
  port: number;
  /** The compiled entry point, relative to the repository root. */
  entry: string;
  url: string;
}

/** The gateway's port in `@hub/config`; the others follow it. */
export const DEFAULT_SERVICE_PORT_BASE: number = HUB_SERVICES[0].port;

/**
 * The seven services in start order, with their ports (one table: `@hub/config`), all shifted
 * together when the gateway is moved to `portBase`.
 */
export function launchedServices(portBase = DEFAULT_SERVICE_PORT_BASE): LaunchedService[] {
  return HUB_SERVICES.map(({ name, port: defaultPort }) => {
    const port = defaultPort - DEFAULT_SERVICE_PORT_BASE + portBase;
    return {
      name,
      port,
      entry: path.join('dist', 'apps', name, 'src', 'main.js'),
      url: `http://127.0.0.1:${port}`,
    };
  });
}

export const SERVICES: readonly LaunchedService[] = launchedServices();

/** The service `name` among `services` (the gateway: where agents sign in). */
export function serviceOf(
  services: readonly LaunchedService[],
  name: LaunchedService['name'],
): LaunchedService {
  const found = services.find((s) => s.name === name);
  if (!found) throw new Error(`the service table has no ${name}`);
  return found;
}

export function readinessUrl(service: LaunchedService): string {
  return `${service.url}/health/ready`;
}

/** Picks the services named on the command line (all when none); rejects unknown names. */
export function selectServices(
  names: readonly string[],
  services: readonly LaunchedService[] = SERVICES,
): LaunchedService[] {
  if (names.length === 0) return [...services];
  const unknown = names.filter((name) => !services.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown service(s): ${unknown.join(', ')}; known: ${services.map((s) => s.name).join(', ')}`,
    );
  }
  return services.filter((s) => names.includes(s.name));
}

export interface ServiceEnvInput {
  databaseUrl: string;
  natsUrl: string;
  jwtSecret: string;
  logLevel: string;
  /** The service's nkey seed file, when the launcher's nats-server enforces the permissions. */
  natsSeedFile?: string;
  /** connector-email's SMTP port. */
  smtpPort: number;
}

/**
 * The file-link secret, derived from the kept JWT secret (one secret to keep, two keys that
 * never coincide) unless FILES_SIGNING_SECRET is set.
 */
export function filesSigningSecret(
  jwtSecret: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (
    env.FILES_SIGNING_SECRET ??
    createHmac('sha256', jwtSecret).update('hub file links').digest('base64url')
  );
}

/**
 * The key sealing inbox credentials, derived from the kept JWT secret like the file-link secret,
 * unless SECRETS_KEY is set.
 */
export function secretsKey(jwtSecret: string, env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.SECRETS_KEY ??
    createHmac('sha256', jwtSecret).update('hub inbox credentials').digest('base64url')
  );
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
    HUB_NAMESPACE: DEFAULT_NAMESPACE,
    LOG_LEVEL: input.logLevel,
    NODE_ENV: 'development',
    JWT_SECRET: input.jwtSecret,
    FILES_SIGNING_SECRET: filesSigningSecret(input.jwtSecret),
    SECRETS_KEY: secretsKey(input.jwtSecret),
    ...(input.natsSeedFile ? { NATS_NKEY_SEED_FILE: input.natsSeedFile } : {}),
    ...(service.name === 'connector-email' ? { SMTP_PORT: String(input.smtpPort) } : {}),
  };
}
