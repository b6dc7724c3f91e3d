import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { ConnectorEmailEnv } from '../connector-email.env';
import { checkRelayLogin } from './relay-login';
import { SmtpSessionHandlers } from './smtp-session-handlers';

/**
 * The SMTP door: listens on SMTP_PORT, announces SIZE, offers STARTTLS with a certificate and
 * AUTH for relays when configured. What it accepts and refuses is in SmtpSessionHandlers.
 * On shutdown it stops taking connections and lets the mails in flight finish (their 250 waits
 * for JetStream) before NATS is closed.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SmtpListener.name);
  private server?: SMTPServer;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorEmailEnv,
    private readonly handlers: SmtpSessionHandlers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = new SMTPServer(this.options());
    server.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.env.SMTP_PORT, this.env.HOST, () => resolve());
    });
    this.server = server;
    this.logger.log(`SMTP listening on ${this.env.HOST}:${this.env.SMTP_PORT}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.handlers.settled();
  }

  private options(): SMTPServerOptions {
    const env = this.env;
    const tls = env.SMTP_TLS_KEY_FILE
      ? { key: readFileSync(env.SMTP_TLS_KEY_FILE), cert: readFileSync(env.SMTP_TLS_CERT_FILE!) }
      : undefined;
    const relayLogin = env.SMTP_AUTH_USER !== undefined;
    const disabled = [...(tls ? [] : ['STARTTLS']), ...(relayLogin ? [] : ['AUTH'])];
    return {
      ...(env.SMTP_HOSTNAME ? { name: env.SMTP_HOSTNAME } : {}),
      banner: 'hub connector-email',
      size: env.SMTP_MAX_MESSAGE_BYTES,
      ...(tls ?? {}),
      disabledCommands: disabled,
      // Mail servers delivering to us never log in; only a forwarding relay may.
      authOptional: true,
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: !tls,
      logger: false,
      // Nothing uses the client's reverse DNS name; skipping it keeps a slow resolver off the path.
      disableReverseLookup: true,
      // In-flight mails get this long to finish after close() (SIGTERM).
      closeTimeout: Math.max(1_000, env.SHUTDOWN_TIMEOUT_MS - 2_000),
      socketTimeout: 60_000,
      ...(relayLogin
        ? {
            onAuth: (auth, _session, callback) =>
              checkRelayLogin(auth, {
                user: env.SMTP_AUTH_USER!,
                password: env.SMTP_AUTH_PASSWORD!,
              })
                ? callback(null, { user: auth.username })
                : callback(
                    Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 }),
                  ),
          }
        : {}),
      onMailFrom: (address, session, callback) =>
        this.handlers.mailFrom(address, session, callback),
      onRcptTo: (address, session, callback) => this.handlers.rcptTo(address, session, callback),
      onData: (stream, session, callback) => this.handlers.data(stream, session, callback),
      onClose: (session) => this.handlers.closed(session),
    };
  }
}
