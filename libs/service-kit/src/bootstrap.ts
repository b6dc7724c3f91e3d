import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CustomStrategy } from '@nestjs/microservices';
import { EnvValidationError, metricsPort, validateEnv, type ServiceEnv } from '@hub/config';
import { createLogger, PinoNestLogger, type Logger as PinoLogger } from '@hub/observability';
import { Database } from './database/database';
import type { DatabaseOptions, EntityList } from './database/database';
import { busIdentity } from './nats/bus-identity';
import { MetricsServer } from './health/metrics-server';
import { applySecurityHeaders } from './http/security-headers';
import { Messaging } from './nats/messaging';
import { NamespacedNatsServer } from './nats/namespaced-transport';
import { RpcServerStatus } from './nats/rpc-server-status';
import { ServiceKitModule } from './service-kit.module';
import { trustProxySetting } from './trust-proxy';

export interface ServiceDefinition<E extends ServiceEnv> {
  /** Also the NATS queue group, so replicas of one service share its requests. */
  service: string;
  envSchema: new () => E;
  entities: EntityList;
  /** How its PostgreSQL connections behave. */
  database?: DatabaseOptions;
  /** The service's feature modules. */
  features: (Type | DynamicModule)[];
  /** Extra HTTP setup (Swagger, WebSocket adapter...), before listening. */
  configureHttp?: (app: INestApplication, env: E) => void | Promise<void>;
}

@Module({})
class ServiceRootModule {}

/**
 * Starts a service: validates env (exits naming the bad variables), serves HTTP at once,
 * connects to PostgreSQL and NATS in the background (readiness stays false until both are up),
 * and on SIGTERM stops taking work, finishes what is in flight, then exits.
 */
export async function runService<E extends ServiceEnv>(
  definition: ServiceDefinition<E>,
): Promise<INestApplication> {
  const { service, envSchema, entities, database, features } = definition;
  const env = loadEnvOrExit(service, envSchema);
  const pino = createLogger({ service, level: env.LOG_LEVEL });
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [ServiceKitModule.forRoot({ service, env, entities, database }), ...features],
  };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: new PinoNestLogger(pino),
    bufferLogs: true,
  });
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  stopGracefullyOnSignals(app, env.SHUTDOWN_TIMEOUT_MS, pino);
  applySecurityHeaders(app);
  await definition.configureHttp?.(app, env);

  const identity = busIdentity(env, service);
  pino.info(
    { natsUser: identity.user, inboxPrefix: identity.options.inboxPrefix },
    'NATS identity',
  );
  const rpcServer = new NamespacedNatsServer(env.HUB_NAMESPACE, {
    ...identity.options,
    servers: env.NATS_URL.split(','),
    name: `${service}-rpc`,
    queue: service,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    gracefulShutdown: true,
    gracePeriod: 1_000,
  });
  app.connectMicroservice<CustomStrategy>({ strategy: rpcServer }, { inheritAppConfig: true });
  app.get(RpcServerStatus).watch(rpcServer);

  await app.listen(env.PORT, env.HOST);
  new Logger('Bootstrap').log(`${service} listening on ${env.HOST}:${env.PORT}`);
  await app.get(MetricsServer).listen(metricsPort(env), env.HOST);
  // Not awaited: the service stays up (and unready) while PostgreSQL or NATS are away.
  void app.startAllMicroservices();
  void app.get(Database).connected();
  void app.get(Messaging).connected();
  return app;
}

function loadEnvOrExit<E extends ServiceEnv>(service: string, schema: new () => E): E {
  try {
    return validateEnv(schema);
  } catch (error) {
    if (!(error instanceof EnvValidationError)) throw error;
    process.stderr.write(`${service}: cannot start. ${error.message}\n`);
    process.exit(1);
  }
}

/**
 * SIGTERM or SIGINT: close the app (stop HTTP and NATS intake, finish and ack in-flight work,
 * close connections) and exit 0; exit 1 if that takes longer than `timeoutMs`.
 */
function stopGracefullyOnSignals(app: INestApplication, timeoutMs: number, pino: PinoLogger): void {
  const stop = (signal: NodeJS.Signals) => {
    pino.info({ signal }, 'shutting down');
    setTimeout(() => {
      pino.error({ timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => {
        pino.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        pino.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
