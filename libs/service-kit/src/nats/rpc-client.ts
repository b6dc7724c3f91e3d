import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { headers } from '@nats-io/transport-node';
import type { ServiceEnv } from '@hub/config';
import type { PayloadOf, ReplyOf, RequestContract } from '@hub/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@hub/observability';
import { firstValueFrom, timeout } from 'rxjs';
import { SERVICE_ENV, SERVICE_NAME } from '../tokens';
import { busIdentity } from './bus-identity';
import { NamespacedNatsClient } from './namespaced-transport';
import { upstreamFailure } from './upstream-error';

/** Asks another service over NATS request/reply, carrying the current correlation id. */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly client: NamespacedNatsClient;

  constructor(@Inject(SERVICE_ENV) env: ServiceEnv, @Inject(SERVICE_NAME) service: string) {
    this.client = new NamespacedNatsClient(env.HUB_NAMESPACE, {
      ...busIdentity(env, service).options,
      servers: env.NATS_URL.split(','),
      name: `${service}-rpc-client`,
      maxReconnectAttempts: -1,
    });
  }

  /**
   * Sends `payload` to the request's subject and resolves with its reply (both typed by the
   * contract in `SUBJECTS`); errors arrive as DomainException.
   */
  async request<C extends RequestContract>(
    contract: C,
    payload: PayloadOf<C>,
    { timeoutMs = 5_000 } = {},
  ): Promise<ReplyOf<C>> {
    const { subject } = contract;
    const requestHeaders = headers();
    const correlationId = currentCorrelationId();
    if (correlationId) requestHeaders.set(CORRELATION_HEADER, correlationId);
    const record = new NatsRecordBuilder(payload).setHeaders(requestHeaders).build();
    try {
      return await firstValueFrom(
        this.client.send<ReplyOf<C>>(subject, record).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw upstreamFailure({ subject, timeoutMs, error });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
