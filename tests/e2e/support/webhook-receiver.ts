import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the integrator received, and whether its signature verified. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  answered: number;
  at: number;
}

/** The HMAC key of a Standard Webhooks secret (`whsec_` + base64), or of a plain secret. */
function keyOf(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice('whsec_'.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/**
 * What an integrator does with a delivery, written from the Standard Webhooks spec rather than
 * from the hub's code: HMAC-SHA256 of `id.timestamp.body`, base64, compared in constant time
 * against each `v1,` signature of the header; a timestamp more than five minutes off is refused.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: IncomingHttpHeaders,
  body: string,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return false;
  }
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(
    createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64'),
  );
  return signatures.split(' ').some((signature) => {
    const [version, mac] = signature.split(',');
    const given = Buffer.from(mac ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * A local integrator: records every POST per path, verifies its signature with the secret set
 * for that path (401 when it does not verify), and answers each path's planned statuses in turn
 * (then 200).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly plans = new Map<string, number[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(receiver.answer(req.url ?? '/', req.headers, Buffer.concat(chunks))).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The secret deliveries to `path` are verified with. */
  expectSecret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  /** The statuses `path` answers its next requests with (500 = fail), before answering 200. */
  plan(path: string, statuses: number[]): void {
    this.plans.set(path, [...statuses]);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string, headers: IncomingHttpHeaders, raw: Buffer): number {
    const body = raw.toString('utf8');
    const secret = this.secrets.get(path);
    const verified = secret !== undefined && verifyStandardWebhook(secret, headers, body);
    const planned = this.plans.get(path)?.shift();
    const answered = !verified ? 401 : (planned ?? 200);
    this.received.push({ path, headers, body, verified, answered, at: Date.now() });
    return answered;
  }
}
