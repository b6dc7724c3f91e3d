import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { EmailRelaySettings, SUBJECTS, type GetInboxRequest } from '@hub/contracts';
import { SecretBox, secretsKeyOf } from '@hub/secret-box';
import { RpcClient, SERVICE_ENV } from '@hub/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createTransport, type Transporter } from 'nodemailer';
import type { ConnectorEmailEnv } from '../connector-email.env';

/**
 * The relay each reply goes out through: the inbox's own (`settings.email.relay`, its password
 * the sealed `relayPassword` secret) when an admin set one, else the hub's SMTP_RELAY_URL; null
 * when neither is configured. One transport per relay configuration, rebuilt when it changes.
 */
@Injectable()
export class InboxRelays implements OnApplicationShutdown {
  private readonly logger = new Logger(InboxRelays.name);
  private readonly box: SecretBox;
  private readonly hubRelay: Transporter | null;
  private readonly own = new Map<string, { key: string; transport: Transporter }>();

  constructor(
    @Inject(SERVICE_ENV) env: ConnectorEmailEnv,
    private readonly rpc: RpcClient,
  ) {
    this.box = new SecretBox(secretsKeyOf(env));
    this.hubRelay = env.SMTP_RELAY_URL ? createTransport(env.SMTP_RELAY_URL) : null;
  }

  async relayOf(inboxId: string): Promise<Transporter | null> {
    const request: GetInboxRequest = { inboxId };
    const { settings } = await this.rpc.request(SUBJECTS.conversation.getInbox, request);
    const relay = relaySettingsOf(settings);
    if (!relay) return this.hubRelay;
    const sealed = secretOf(settings, 'relayPassword');
    const key = JSON.stringify([relay, sealed]);
    const cached = this.own.get(inboxId);
    if (cached?.key === key) return cached.transport;
    cached?.transport.close();
    const transport = createTransport({
      host: relay.host,
      port: relay.port,
      secure: relay.secure,
      ...(relay.user
        ? { auth: { user: relay.user, pass: sealed ? this.box.open(sealed) : '' } }
        : {}),
    });
    this.own.set(inboxId, { key, transport });
    this.logger.log({ inboxId, host: relay.host, port: relay.port }, "using the inbox's own relay");
    return transport;
  }

  onApplicationShutdown(): void {
    this.hubRelay?.close();
    for (const { transport } of this.own.values()) transport.close();
  }
}

function relaySettingsOf(settings: Record<string, unknown>): EmailRelaySettings | null {
  const email = settings.email as { relay?: unknown } | undefined;
  if (!email?.relay) return null;
  const relay = plainToInstance(EmailRelaySettings, email.relay);
  return validateSync(relay).length === 0 ? relay : null;
}

function secretOf(settings: Record<string, unknown>, name: string): string | null {
  const secrets = settings.secrets as Record<string, unknown> | undefined;
  const value = secrets?.[name];
  return typeof value === 'string' ? value : null;
}
