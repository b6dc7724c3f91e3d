import { Inject, Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type FindSocialInboxRequest,
  type SocialChannel,
  type SocialInboxView,
} from '@hub/contracts';
import { SecretBox, secretsKeyOf } from '@hub/secret-box';
import { DomainException, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';

// An inbox's settings rarely change; a changed secret is used within this long, and a flood of
// webhooks for one inbox costs conversation one request per period, not one each.
const FRESH_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** A social inbox with its secrets opened: `secret('appSecret')`, undefined when not set. */
export interface SocialInbox {
  inboxId: string;
  workspaceId: string;
  channel: SocialChannel;
  settings: Record<string, unknown>;
  secret(name: string): string | undefined;
}

/**
 * Social inboxes asked of conversation (`conversation.social-inbox.find`), remembered briefly,
 * "none" included, with their sealed credentials opened by SECRETS_KEY. Failures to ask are not
 * remembered: the platform is told to retry.
 */
@Injectable()
export class SocialInboxes {
  private readonly cache = new Map<string, { inbox: SocialInbox | null; until: number }>();
  private readonly box: SecretBox;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SERVICE_ENV) env: ConnectorSocialEnv,
  ) {
    this.box = new SecretBox(secretsKeyOf(env));
  }

  byId(channel: SocialChannel, inboxId: string): Promise<SocialInbox | null> {
    return this.find({ channel, inboxId });
  }

  byAccount(channel: SocialChannel, accountId: string): Promise<SocialInbox | null> {
    return this.find({ channel, accountId });
  }

  private async find(request: FindSocialInboxRequest): Promise<SocialInbox | null> {
    const key = `${request.channel}:${request.inboxId ?? ''}:${request.accountId ?? ''}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.inbox;
    let inbox: SocialInbox | null;
    try {
      inbox = this.opened(await this.rpc.request(SUBJECTS.conversation.findSocialInbox, request));
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== 'INBOX_NOT_FOUND') throw error;
      inbox = null;
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { inbox, until: Date.now() + FRESH_MS });
    return inbox;
  }

  private opened(view: SocialInboxView): SocialInbox {
    const sealed = (view.settings.secrets ?? {}) as Record<string, unknown>;
    const secrets = new Map<string, string>();
    for (const [name, value] of Object.entries(sealed)) {
      if (typeof value === 'string') secrets.set(name, this.box.open(value));
    }
    return { ...view, secret: (name) => secrets.get(name) };
  }
}
