import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { validateEnv, type ServiceEnv } from '@hub/config';
import type { EventContract, PayloadOf, ReplyOf, RequestContract } from '@hub/contracts';
import {
  Database,
  DomainException,
  Messaging,
  NamespacedNatsServer,
  RpcClient,
  ServiceKitModule,
} from '@hub/service-kit';
import { createTestDatabase, testRunId, testServices, type TestDatabase } from '@hub/testing';
import { crmService } from '../../src/crm.definition';

// crm's own modules wired as the service runs them (validation pipe, error filter, NATS
// handlers in the `crm` queue group), in this process, so a test reaches the rules without
// spawning services; a fresh migrated database and a NATS namespace of its own keep parallel
// runs apart. Each replica is a separate app with its own pool, as real replicas are.
export class CrmTestBed {
  private constructor(
    private readonly database: TestDatabase,
    readonly replicas: INestApplication[],
  ) {}

  static async start(label: string, { replicas = 1 } = {}): Promise<CrmTestBed> {
    const database = await createTestDatabase(`crm_${label}`);
    const env = validateEnv(crmService.envSchema, {
      // Required by the schema but never listened on: requests arrive over NATS.
      PORT: '3006',
      DATABASE_URL: database.url,
      NATS_URL: testServices.natsUrl,
      HUB_NAMESPACE: `${testRunId()}_crm_${randomBytes(3).toString('hex')}`,
    });
    const apps = await Promise.all(Array.from({ length: replicas }, () => startReplica(env)));
    return new CrmTestBed(database, apps);
  }

  // As another service asks: a refusal rejects with the DomainException crm answered.
  request<C extends RequestContract>(contract: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
    return this.replicas[0].get(RpcClient).request(contract, payload);
  }

  // Throws when crm answered instead of refusing.
  // Takes any object: refusals of payloads that break the contract are what is tested.
  async refusal<C extends RequestContract>(contract: C, payload: object): Promise<DomainException> {
    try {
      await this.request(contract, payload as PayloadOf<C>);
    } catch (error) {
      if (error instanceof DomainException) return error;
      throw error;
    }
    throw new Error(`${contract.subject} was answered, but a refusal was expected`);
  }

  // As another service publishes to the EVENTS stream; `msgId` defaults to the event id.
  async publish(
    events: readonly { event: EventContract; payload: { eventId: string } }[],
    msgIdOf: (eventId: string) => string = (eventId) => eventId,
  ): Promise<void> {
    const messaging = this.replicas[0].get(Messaging);
    await messaging.connected();
    for (const { event, payload } of events) {
      await messaging.publisher.publish(event, payload, {
        msgId: msgIdOf(payload.eventId),
      });
    }
  }

  // For a test that needs a connection of its own (a session lock held across statements).
  get databaseUrl(): string {
    return this.database.url;
  }

  // To check what a request left behind, beyond what crm's replies show.
  query<TRow>(sql: string, parameters: unknown[]): Promise<TRow[]> {
    return this.replicas[0].get(Database).dataSource.query<TRow[]>(sql, parameters);
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((app) => app.close()));
    await this.database.drop();
  }
}

async function startReplica(env: ServiceEnv): Promise<INestApplication> {
  const { service, entities, features } = crmService;
  const moduleRef = await Test.createTestingModule({
    imports: [ServiceKitModule.forRoot({ service, env, entities }), ...features],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  const rpcServer = new NamespacedNatsServer(env.HUB_NAMESPACE, {
    servers: [env.NATS_URL],
    name: `${service}-rpc`,
    queue: service,
  });
  app.connectMicroservice<CustomStrategy>({ strategy: rpcServer }, { inheritAppConfig: true });
  await app.init();
  await app.get(Database).connected();
  await app.startAllMicroservices();
  return app;
}
