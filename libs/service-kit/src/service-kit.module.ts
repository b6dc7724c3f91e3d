import { Global, Module } from '@nestjs/common';
import type { DynamicModule, MiddlewareConsumer, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { ServiceEnv } from '@hub/config';
import { createMetricsRegistry } from '@hub/observability';
import { CorrelationMiddleware, RpcCorrelationInterceptor } from './correlation';
import {
  DATABASE_OPTIONS,
  Database,
  SERVICE_ENTITIES,
  type DatabaseOptions,
  type EntityList,
} from './database/database';
import { ErrorFilter } from './errors/error.filter';
import { createValidationPipe } from './errors/validation';
import { HealthController } from './health/health.controller';
import { JsonDepthMiddleware } from './http/json-depth.middleware';
import { METRICS_REGISTRY, MetricsServer } from './health/metrics-server';
import { Messaging } from './nats/messaging';
import { Realtime } from './nats/realtime';
import { RpcClient } from './nats/rpc-client';
import { RpcServerStatus } from './nats/rpc-server-status';
import { SERVICE_ENV, SERVICE_NAME } from './tokens';

export interface ServiceKitOptions {
  service: string;
  env: ServiceEnv;
  entities: EntityList;
  database?: DatabaseOptions;
}

/**
 * What every service has: validated env, PostgreSQL, NATS (request/reply and JetStream),
 * health endpoints, metrics on their own port, the error shape, validation and correlation ids.
 */
@Global()
@Module({})
export class ServiceKitModule implements NestModule {
  static forRoot({ service, env, entities, database = {} }: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: SERVICE_ENV, useValue: env },
        { provide: SERVICE_ENTITIES, useValue: entities },
        { provide: DATABASE_OPTIONS, useValue: database },
        { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(service) },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcCorrelationInterceptor },
        Database,
        Messaging,
        RpcClient,
        RpcServerStatus,
        Realtime,
        MetricsServer,
      ],
      exports: [
        SERVICE_NAME,
        SERVICE_ENV,
        METRICS_REGISTRY,
        Database,
        Messaging,
        RpcClient,
        Realtime,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
    consumer.apply(JsonDepthMiddleware).forRoutes('*path');
  }
}
