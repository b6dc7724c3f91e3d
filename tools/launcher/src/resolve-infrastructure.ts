import path from 'node:path';
import { Client } from 'pg';
import {
  NatsServerNotFoundError,
  findFreePort,
  findNatsServerBinary,
  isPortFree,
  isPortOpen,
  startEmbeddedPostgres,
  startNatsServer,
} from '@hub/dev-infra';
import type { BusService } from '@hub/contracts';
import { DEFAULT_NAMESPACE } from '@hub/messaging';
import { prepareLocalNatsCredentials } from './nats-credentials';
import { natsStoreDir, postgresDataDir, preparePostgresParent, privateDir } from './state-dir';

export interface InfraPorts {
  /** Where a PostgreSQL (trust auth, user postgres) may already answer. */
  localPostgres: number;
  /** Where a NATS server with JetStream may already answer; also the embedded one's first choice. */
  localNats: number;
  embeddedPostgres: number;
}

export const DEFAULT_PORTS: InfraPorts = {
  localPostgres: 5432,
  localNats: 4222,
  embeddedPostgres: 54329,
};
export const HUB_DATABASE = 'hub';

export const localPostgresUrl = (port: number): string =>
  `postgres://postgres@127.0.0.1:${port}/postgres`;
export const localNatsUrl = (port: number): string => `nats://127.0.0.1:${port}`;

// The embedded server listens on 127.0.0.1 only; its password keeps nothing secret.
const EMBEDDED_POSTGRES_PASSWORD = 'postgres';
const embeddedPostgresUrl = (port: number): string =>
  `postgres://postgres:${EMBEDDED_POSTGRES_PASSWORD}@127.0.0.1:${port}/postgres`;

export type PostgresPlan =
  | { source: 'env'; url: string }
  /** Connect as `url` (the maintenance db) and use a database named `hub`, created if missing. */
  | { source: 'local'; url: string }
  | { source: 'embedded'; dataDir: string; port: number };

export type NatsPlan =
  | { source: 'env'; url: string }
  | { source: 'local'; url: string }
  | { source: 'embedded'; storeDir: string };

export interface InfrastructurePlan {
  postgres: PostgresPlan;
  nats: NatsPlan;
}

export interface PlanInput {
  env: { DATABASE_URL?: string; NATS_URL?: string };
  localPostgresAnswers: boolean;
  localNatsAnswers: boolean;
  stateDir: string;
  ports?: InfraPorts;
}

/** Environment first, then the default local ports, then our own embedded servers. */
export function planInfrastructure(input: PlanInput): InfrastructurePlan {
  const { env } = input;
  const ports = input.ports ?? DEFAULT_PORTS;
  const postgres: PostgresPlan = env.DATABASE_URL
    ? { source: 'env', url: env.DATABASE_URL }
    : input.localPostgresAnswers
      ? { source: 'local', url: localPostgresUrl(ports.localPostgres) }
      : {
          source: 'embedded',
          dataDir: postgresDataDir(input.stateDir),
          port: ports.embeddedPostgres,
        };
  const nats: NatsPlan = env.NATS_URL
    ? { source: 'env', url: env.NATS_URL }
    : input.localNatsAnswers
      ? { source: 'local', url: localNatsUrl(ports.localNats) }
      : { source: 'embedded', storeDir: natsStoreDir(input.stateDir) };
  return { postgres, nats };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Connects to `url` and creates `database` there unless it exists; returns its URL. */
export async function ensureDatabase(url: string, database: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${new URL(url).host} refused the connection (${(error as Error).message}); ` +
        'set DATABASE_URL to a database you can use',
      { cause: error },
    );
  }
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client
        .query(`create database ${client.escapeIdentifier(database)}`)
        .catch((error: unknown) => {
          // 42P04: another launcher created it a moment ago.
          if ((error as { code?: string }).code !== '42P04') throw error;
        });
    }
  } finally {
    await client.end();
  }
  return withDatabase(url, database);
}

export interface Infrastructure {
  plan: InfrastructurePlan;
  databaseUrl: string;
  natsUrl: string;
  /** Each service's nkey seed file, when the launcher's nats-server enforces the permissions. */
  natsSeedFiles?: Record<BusService, string>;
  /** Stops what the launcher started (nothing for env/local). */
  stop(): Promise<void>;
}

export interface ResolveOptions {
  stateDir: string;
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  ports?: InfraPorts;
}

/** Looks at what answers on the configured ports and plans from that. */
async function probePlan(opts: ResolveOptions): Promise<InfrastructurePlan> {
  const env = opts.env ?? process.env;
  const ports = opts.ports ?? DEFAULT_PORTS;
  return planInfrastructure({
    ports,
    env: { DATABASE_URL: env.DATABASE_URL, NATS_URL: env.NATS_URL },
    localPostgresAnswers: !env.DATABASE_URL && (await isPortOpen('127.0.0.1', ports.localPostgres)),
    localNatsAnswers: !env.NATS_URL && (await isPortOpen('127.0.0.1', ports.localNats)),
    stateDir: opts.stateDir,
  });
}

/** The hub database's URL, starting the embedded PostgreSQL when the plan says so. */
async function openDatabase(
  plan: PostgresPlan,
  opts: ResolveOptions,
  stops: (() => Promise<void>)[],
): Promise<string> {
  if (plan.source === 'env') return plan.url;
  if (plan.source === 'local') return ensureDatabase(plan.url, HUB_DATABASE);
  opts.log(`starting embedded PostgreSQL on port ${plan.port} (data in ${plan.dataDir})`);
  preparePostgresParent(plan.dataDir);
  const pg = await startEmbeddedPostgres({
    dataDir: plan.dataDir,
    port: plan.port,
    password: EMBEDDED_POSTGRES_PASSWORD,
    logFile: path.join(privateDir(opts.stateDir), 'postgres.log'),
  });
  stops.push(() => pg.stop());
  return ensureDatabase(pg.url, HUB_DATABASE);
}

/** Runs `stops` newest first. */
const stopAll = (stops: (() => Promise<void>)[]) => async (): Promise<void> => {
  for (const step of stops.splice(0).reverse()) await step();
};

/** Decides where PostgreSQL and NATS come from and starts the embedded ones when needed. */
export async function resolveInfrastructure(opts: ResolveOptions): Promise<Infrastructure> {
  const env = opts.env ?? process.env;
  const ports = opts.ports ?? DEFAULT_PORTS;
  const plan = await probePlan(opts);
  // Fail before starting anything when nats-server would be needed and is missing.
  const natsBinary = plan.nats.source === 'embedded' ? findNatsServerBinary(env) : undefined;
  if (plan.nats.source === 'embedded' && !natsBinary) throw new NatsServerNotFoundError();

  const stops: (() => Promise<void>)[] = [];
  const stop = stopAll(stops);
  try {
    const databaseUrl = await openDatabase(plan.postgres, opts, stops);

    let natsUrl: string;
    let natsSeedFiles: Record<BusService, string> | undefined;
    if (plan.nats.source === 'embedded') {
      const port = (await isPortFree(ports.localNats)) ? ports.localNats : await findFreePort();
      // The same per-service permissions as in production: a service reaching beyond its
      // subjects fails here first.
      const credentials = prepareLocalNatsCredentials(opts.stateDir, DEFAULT_NAMESPACE);
      opts.log(
        `starting nats-server -js on port ${port} (store in ${plan.nats.storeDir}; one nkey user per service, ${credentials.configFile})`,
      );
      const nats = await startNatsServer({
        binary: natsBinary,
        port,
        storeDir: plan.nats.storeDir,
        logFile: path.join(privateDir(opts.stateDir), 'nats-server.log'),
        configFile: credentials.configFile,
      });
      stops.push(() => nats.stop());
      natsUrl = nats.url;
      natsSeedFiles = credentials.seedFiles;
    } else {
      natsUrl = plan.nats.url;
    }
    return { plan, databaseUrl, natsUrl, natsSeedFiles, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface HubDatabase {
  databaseUrl: string;
  /** Stops the embedded PostgreSQL if this call started it. */
  stop(): Promise<void>;
}

/**
 * The hub database alone, for a one-off command beside (or without) a running launcher: an
 * embedded PostgreSQL that already answers on its port is the launcher's, used as it is;
 * otherwise it is started for the command and stopped after.
 */
export async function resolveDatabase(opts: ResolveOptions): Promise<HubDatabase> {
  const { postgres } = await probePlan(opts);
  if (postgres.source === 'embedded' && (await isPortOpen('127.0.0.1', postgres.port))) {
    const url = embeddedPostgresUrl(postgres.port);
    return { databaseUrl: await ensureDatabase(url, HUB_DATABASE), stop: () => Promise.resolve() };
  }
  const stops: (() => Promise<void>)[] = [];
  const stop = stopAll(stops);
  try {
    return { databaseUrl: await openDatabase(postgres, opts, stops), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
