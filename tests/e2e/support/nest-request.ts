import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ReplyOf, RequestContract } from '@hub/contracts';

/** The error shape a service answers a request with (`status`, `code`, `message`, `fieldErrors`). */
export interface NestErrorBody {
  status: number;
  code: string;
  message: string;
  fieldErrors?: { field: string; message: string }[];
}

/** A request the service refused; `body` is its error shape. */
export class NestRequestError extends Error {
  constructor(
    readonly subject: string,
    readonly body: NestErrorBody,
  ) {
    super(`${subject} failed: ${body.status} ${body.code} ${body.message}`);
    this.name = 'NestRequestError';
  }
}

/**
 * Asks a hub service over a plain NATS connection the way its Nest RpcClient does, so tests
 * need no Nest client: subject `<namespace>.<subject>`, body `{ pattern, data, id }`; the reply
 * is `{ response }` or `{ err }` (with `isDisposed`). Throws NestRequestError on `err`.
 * `data` is any object: tests also send what the contract's payload class refuses.
 */
export async function nestRequest<C extends RequestContract>(
  nc: NatsConnection,
  namespace: string,
  request: C,
  data: object,
  { timeoutMs = 10_000 } = {},
): Promise<ReplyOf<C>> {
  const { subject } = request;
  const body = JSON.stringify({ pattern: subject, data, id: randomUUID() });
  const reply = await nc.request(`${namespace}.${subject}`, body, { timeout: timeoutMs });
  const packet = reply.json<{ response?: ReplyOf<C>; err?: NestErrorBody | string }>();
  if (packet.err !== undefined && packet.err !== null) {
    const err =
      typeof packet.err === 'string'
        ? { status: 500, code: 'INTERNAL', message: packet.err }
        : packet.err;
    throw new NestRequestError(subject, err);
  }
  return packet.response as ReplyOf<C>;
}

/** The error body of a refused request (fails the test when the request succeeded). */
export async function nestRequestError(request: Promise<unknown>): Promise<NestErrorBody> {
  try {
    await request;
  } catch (error) {
    if (error instanceof NestRequestError) return error.body;
    throw error;
  }
  throw new Error('expected the request to be refused, but it succeeded');
}
