import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  PLATFORM_WEBHOOK_CHANNELS,
  SUBJECTS,
  type CreateInboxRequest,
  type GetWebhookEndpointRequest,
  type DeleteInboxRequest,
  type GetInboxRequest,
  type InboxView,
  type SetTelegramWebhookReply,
  type SetTelegramWebhookRequest,
  type UpdateInboxRequest,
  type WebhookEndpointView,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { SecretBox } from '@hub/secret-box';
import { DomainException, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import {
  apiInboxConfig,
  PREVIOUS_SIGNING_SECRET,
  sealPreviousSigningSecret,
} from '../api-channel/api-inbox-config';
import { RotateSecretBody } from '../api/rotate-secret.dto';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { GatewayEnv } from '../gateway.env';
import type { CreateInboxBody, UpdateInboxBody } from './dto/inbox.dto';
import { inboxAdminViewOf, type InboxAdminView } from './inbox-admin-view';
import { sealSettings } from './inbox-settings-input';

/** The web widget's snippet for a site's pages. */
export interface InboxSnippetView {
  inboxId: string;
  html: string;
}

/** An API inbox just rotated: its new signing secret, shown this once. */
export interface RotatedApiInboxView extends InboxAdminView {
  signingSecret: string;
  /** Until when the replaced secret is still accepted (null: not at all). */
  previousSecretExpiresAt: string | null;
}

/**
 * Admins' inboxes, kept by conversation: each channel's settings are validated with its class
 * (INBOX_SETTINGS) and its secrets sealed here, so only ciphertext crosses the bus.
 */
@Injectable()
export class InboxesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly box: SecretBox,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {}

  async list(admin: AuthenticatedAgent): Promise<InboxAdminView[]> {
    adminOnly(admin, 'list the inboxes');
    const request: WorkspaceScopedRequest = { workspaceId: admin.workspaceId };
    const inboxes = await this.rpc.request(SUBJECTS.conversation.listInboxes, request);
    return inboxes.map(inboxAdminViewOf);
  }

  async get(admin: AuthenticatedAgent, inboxId: string): Promise<InboxAdminView> {
    adminOnly(admin, 'read an inbox');
    return inboxAdminViewOf(await this.inboxOf(admin, inboxId));
  }

  async create(admin: AuthenticatedAgent, body: CreateInboxBody): Promise<InboxAdminView> {
    adminOnly(admin, 'create an inbox');
    const request: CreateInboxRequest = {
      workspaceId: admin.workspaceId,
      channel: body.channel,
      name: body.name,
      ...sealSettings(body.channel, body.settings, this.box),
    };
    return inboxAdminViewOf(await this.rpc.request(SUBJECTS.conversation.createInbox, request));
  }

  async update(
    admin: AuthenticatedAgent,
    inboxId: string,
    body: UpdateInboxBody,
  ): Promise<InboxAdminView> {
    adminOnly(admin, 'change an inbox');
    const inbox = await this.inboxOf(admin, inboxId);
    const sealed = body.settings ? sealSettings(inbox.channel, body.settings, this.box) : null;
    const secrets = { ...sealed?.secrets };
    // A signing secret set by hand replaces the old one at once (a leak); rotate-secret overlaps.
    if (inbox.channel === Channel.Api && secrets.signingSecret !== undefined) {
      secrets[PREVIOUS_SIGNING_SECRET] = null;
    }
    const request: UpdateInboxRequest = {
      workspaceId: admin.workspaceId,
      inboxId,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(sealed ? { settings: sealed.settings } : {}),
      secrets,
    };
    return inboxAdminViewOf(await this.rpc.request(SUBJECTS.conversation.updateInbox, request));
  }

  async remove(admin: AuthenticatedAgent, inboxId: string): Promise<InboxAdminView> {
    adminOnly(admin, 'delete an inbox');
    const request: DeleteInboxRequest = { workspaceId: admin.workspaceId, inboxId };
    return inboxAdminViewOf(await this.rpc.request(SUBJECTS.conversation.deleteInbox, request));
  }

  /** The `<script>` tag a site adds to its pages for a web inbox's widget. */
  async snippet(admin: AuthenticatedAgent, inboxId: string): Promise<InboxSnippetView> {
    adminOnly(admin, "read an inbox's snippet");
    const inbox = await this.inboxOf(admin, inboxId);
    if (inbox.channel !== Channel.Web) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} is not a web inbox`);
    }
    const src = new URL('/widget.js', this.env.WIDGET_ORIGIN).href;
    return {
      inboxId,
      html: `<script async src="${src}" data-inbox="${inbox.id}"></script>`,
    };
  }

  /**
   * Points a Telegram inbox's bot at connector-social (Bot API setWebhook with the inbox's
   * secret token), after its bot token or secret was set or changed.
   */
  async setTelegramWebhook(
    admin: AuthenticatedAgent,
    inboxId: string,
  ): Promise<SetTelegramWebhookReply> {
    adminOnly(admin, "set a Telegram inbox's webhook");
    const inbox = await this.inboxOf(admin, inboxId);
    if (inbox.channel !== Channel.Telegram) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} is not a Telegram inbox`);
    }
    const request: SetTelegramWebhookRequest = { workspaceId: admin.workspaceId, inboxId };
    return this.rpc.request(SUBJECTS.social.setTelegramWebhook, request);
  }

  /** Where the platform is to call a social inbox back (and Meta's verify token). */
  async webhookEndpoint(admin: AuthenticatedAgent, inboxId: string): Promise<WebhookEndpointView> {
    adminOnly(admin, "read an inbox's webhook");
    const inbox = await this.inboxOf(admin, inboxId);
    const channel = PLATFORM_WEBHOOK_CHANNELS.find((platform) => platform === inbox.channel);
    if (!channel) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} is not a social inbox`);
    }
    const request: GetWebhookEndpointRequest = { inboxId, channel };
    return this.rpc.request(SUBJECTS.social.getWebhookEndpoint, request);
  }

  /**
   * A new signing secret for an API inbox, answered once; the one it replaces stays valid for
   * `overlapSeconds` (a day by default) so the integrator can switch without a refused request.
   * A rotation during an overlap ends it: only the secret in use just before stays valid.
   */
  async rotateApiSecret(
    admin: AuthenticatedAgent,
    inboxId: string,
    body: RotateSecretBody,
  ): Promise<RotatedApiInboxView> {
    adminOnly(admin, "rotate an API inbox's signing secret");
    const inbox = await this.inboxOf(admin, inboxId);
    if (inbox.channel !== Channel.Api) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} is not an API inbox`);
    }
    const current = apiInboxConfig(inbox, this.box).signingSecret;
    const signingSecret = randomBytes(32).toString('base64url');
    const overlapSeconds = RotateSecretBody.overlapOf(body);
    const expiresAt = Math.floor(Date.now() / 1000) + overlapSeconds;
    const request: UpdateInboxRequest = {
      workspaceId: admin.workspaceId,
      inboxId,
      secrets: {
        signingSecret: this.box.seal(signingSecret),
        [PREVIOUS_SIGNING_SECRET]:
          overlapSeconds > 0
            ? sealPreviousSigningSecret({ secret: current, expiresAt }, this.box)
            : null,
      },
    };
    const rotated = await this.rpc.request(SUBJECTS.conversation.updateInbox, request);
    return {
      ...inboxAdminViewOf(rotated),
      signingSecret,
      previousSecretExpiresAt: overlapSeconds > 0 ? new Date(expiresAt * 1000).toISOString() : null,
    };
  }

  /** The inbox, when it is of the admin's workspace (another's answers as unknown). */
  private async inboxOf(admin: AuthenticatedAgent, inboxId: string): Promise<InboxView> {
    const request: GetInboxRequest = { inboxId };
    const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, request);
    if (inbox.workspaceId !== admin.workspaceId) {
      throw new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`);
    }
    return inbox;
  }
}

function adminOnly(agent: AuthenticatedAgent, what: string): void {
  if (!isAdmin(agent)) throw authErrors.adminOnly(what);
}
