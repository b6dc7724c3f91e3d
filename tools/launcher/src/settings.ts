import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS } from './resolve-infrastructure';
import type { InfraPorts } from './resolve-infrastructure';
import { DEFAULT_SERVICE_PORT_BASE } from './services';
import { stateDirPath } from './state-dir';

/** Where the launcher keeps its state and which ports it uses: defaults, or the environment's. */
export interface LauncherSettings {
  stateDir: string;
  ports: InfraPorts;
  /** The gateway's port; the other services follow it in HUB_SERVICES order. */
  servicePortBase: number;
  /** Where the demo shop (a sample website with the widget installed) listens. */
  demoShopPort: number;
  /** connector-email's SMTP port (its SMTP_PORT). */
  smtpPort: number;
}

/** Beside the services' 3000-3006 and their metrics' 4000-4006. */
export const DEFAULT_DEMO_SHOP_PORT = 3080;

/** connector-email's own default (docs/email.md). */
export const DEFAULT_SMTP_PORT = 2525;

/** Each variable and the port it moves; documented here so `npm start` needs none of them. */
const PORT_VARIABLES = {
  /** Where a running PostgreSQL is looked for. */
  HUB_POSTGRES_PORT: 'localPostgres',
  /** Where the embedded PostgreSQL listens when none answers. */
  HUB_EMBEDDED_POSTGRES_PORT: 'embeddedPostgres',
  /** Where a running NATS is looked for, and the embedded one's first choice. */
  HUB_NATS_PORT: 'localNats',
} as const satisfies Record<string, keyof InfraPorts>;

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535)
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  return value;
}

/** Loads the repository's `.env` (variables already set win), then reads the settings. */
export function loadSettings(root: string): LauncherSettings {
  const envFile = path.join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return launcherSettings(root, process.env);
}

export function launcherSettings(root: string, env: NodeJS.ProcessEnv): LauncherSettings {
  const ports = { ...DEFAULT_PORTS };
  for (const [name, key] of Object.entries(PORT_VARIABLES))
    ports[key] = port(env, name, DEFAULT_PORTS[key]);
  return {
    stateDir: stateDirPath(root, env),
    ports,
    servicePortBase: port(env, 'HUB_SERVICE_PORT_BASE', DEFAULT_SERVICE_PORT_BASE),
    demoShopPort: port(env, 'HUB_DEMO_SHOP_PORT', DEFAULT_DEMO_SHOP_PORT),
    smtpPort: port(env, 'HUB_SMTP_PORT', DEFAULT_SMTP_PORT),
  };
}
