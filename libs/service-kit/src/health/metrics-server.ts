import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * Prometheus scrape endpoint on its own internal port, apart from the public HTTP port: the
 * edges' ports face the internet, and process metrics are nobody's business there.
 */
@Injectable()
export class MetricsServer implements OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  /** Serves `GET /metrics` on `port` (0: any free port) and resolves with the port it got. */
  async listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => void this.answer(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    const { port: metricsPort } = server.address() as AddressInfo;
    // Tests start services with METRICS_PORT=0 and find the port in this line.
    this.logger.log({ metricsPort, host }, `metrics on http://${host}:${metricsPort}/metrics`);
    return metricsPort;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    // A scraper's keep-alive connection would otherwise hold close() open until it times out.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://metrics').pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    try {
      const body = await this.registry.metrics();
      res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body);
    } catch (error) {
      this.logger.error({ err: error }, 'collecting metrics failed');
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error\n');
    }
  }
}
