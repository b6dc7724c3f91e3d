import { Inject, Injectable, Logger } from '@nestjs/common';
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
// Past FRESH_MS an entry still answers, for this long more, while one request refreshes it:
// webhooks never wait on conversation (busy under the very flood they are part of) for an
// inbox they already know.
const STALE_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** A social inbox with its secrets opened: `secret('appSecret')`, undefined when not set. */
export interface SocialInbox {
  inboxId: string;
  workspaceId: string;
  channel: SocialChannel;
  settings: Record<string, unknown>;
  secret(name: string): string | undefined;
}

interface Entry {
  inbox: SocialInbox | null;
  fetchedAt: number;
}

/**
 * Social inboxes asked of conversation (`conversation.social-inbox.find`), remembered briefly,
 * "none" included, with their sealed credentials opened by SECRETS_KEY. One request at a time
 * per inbox, however many webhooks wait for it. Failures to ask are not remembered: the
 * platform is told to retry.
 */
@Injectable()
export class SocialInboxes {
  private readonly logger = new Logger(SocialInboxes.name);
  private readonly cache = new Map<string, Entry>();
  private readonly asking = new Map<string, Promise<SocialInbox | null>>();
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
    const entry = this.cache.get(key);
    const age = entry ? Date.now() - entry.fetchedAt : Infinity;
    if (entry && age < FRESH_MS) return entry.inbox;
    const asked = this.ask(key, request);
    if (!entry || age >= STALE_MS) return asked;
    asked.catch((error: unknown) => {
      this.logger.warn({ err: error, key }, 'social inbox not refreshed; the known one is kept');
    });
    return entry.inbox;
  }

  /** Asks conversation, once for all callers while the answer is awaited. */
  private ask(key: string, request: FindSocialInboxRequest): Promise<SocialInbox | null> {
    const running = this.asking.get(key);
    if (running) return running;
    const asking = this.fetch(request)
      .then((inbox) => {
        if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
        this.cache.set(key, { inbox, fetchedAt: Date.now() });
        return inbox;
      })
      .finally(() => this.asking.delete(key));
    this.asking.set(key, asking);
    return asking;
  }

  private async fetch(request: FindSocialInboxRequest): Promise<SocialInbox | null> {
    try {
      return this.opened(await this.rpc.request(SUBJECTS.conversation.findSocialInbox, request));
    } catch (error) {
      if (!(error instanceof DomainException) || error.code !== 'INBOX_NOT_FOUND') throw error;
      return null;
    }
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
