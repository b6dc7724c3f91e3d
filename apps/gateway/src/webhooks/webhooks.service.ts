import { Injectable } from '@nestjs/common';
import { latestPublicEvent, publicEventKey, type PublicEventType } from '@hub/contracts';
import { SecretBox } from '@hub/secret-box';
import { RotateSecretBody } from '../api/rotate-secret.dto';
import type { CreateWebhookBody, UpdateWebhookBody } from './dto/webhook.dto';
import { newWebhookSecret } from './standard-webhook-signature';
import { resolveTarget } from './target-address';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import {
  deliveryView,
  webhookView,
  type CreatedWebhookView,
  type WebhookDeliveryView,
  type WebhookView,
} from './webhook-views';

// A replay redelivers at most this many events; a longer history is replayed in steps.
const MAX_REPLAY = 10_000;

/** `conversation.created` → its newest version's key; a versioned key stays as it is. */
function versionedKey(event: string): string {
  return /\.v\d+$/.test(event)
    ? event
    : publicEventKey(event as PublicEventType, latestPublicEvent(event as PublicEventType).version);
}

/** Admins' webhook subscriptions (docs/integrations.md). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly box: SecretBox,
  ) {}

  /** Refuses a URL resolving to a non-public address unless the workspace allows them. */
  async create(workspaceId: string, body: CreateWebhookBody): Promise<CreatedWebhookView> {
    await this.checkTarget(workspaceId, body.url);
    const secret = newWebhookSecret();
    const row = await this.subscriptions.create({
      workspaceId,
      url: body.url,
      description: body.description ?? null,
      events: [...new Set(body.events.map(versionedKey))],
      sealedSecret: this.box.seal(secret),
    });
    return { ...webhookView(row), secret };
  }

  /** A new URL is checked as on creation (no loopback, private or link-local address). */
  async update(workspaceId: string, id: string, body: UpdateWebhookBody): Promise<WebhookView> {
    if (body.url !== undefined) await this.checkTarget(workspaceId, body.url);
    const row = await this.subscriptions.update({
      workspaceId,
      id,
      url: body.url,
      events: body.events && [...new Set(body.events.map(versionedKey))],
      description: body.description,
    });
    return webhookView(row);
  }

  /** A new secret, shown once; the previous one also signs deliveries for the overlap. */
  async rotateSecret(
    workspaceId: string,
    id: string,
    body: RotateSecretBody,
  ): Promise<CreatedWebhookView> {
    const secret = newWebhookSecret();
    const row = await this.subscriptions.rotateSecret({
      workspaceId,
      id,
      sealedSecret: this.box.seal(secret),
      overlapMs: RotateSecretBody.overlapOf(body) * 1000,
    });
    return { ...webhookView(row), secret };
  }

  async list(workspaceId: string): Promise<WebhookView[]> {
    return (await this.subscriptions.list(workspaceId)).map(webhookView);
  }

  async get(workspaceId: string, id: string): Promise<WebhookView> {
    return webhookView(await this.subscriptions.get(workspaceId, id));
  }

  remove(workspaceId: string, id: string): Promise<void> {
    return this.subscriptions.remove(workspaceId, id);
  }

  async resume(workspaceId: string, id: string): Promise<WebhookView> {
    return webhookView(await this.subscriptions.resume(workspaceId, id));
  }

  async deliveries(workspaceId: string, id: string, limit = 50): Promise<WebhookDeliveryView[]> {
    return (await this.subscriptions.deliveries(workspaceId, id, limit)).map(deliveryView);
  }

  async replay(workspaceId: string, id: string, since: string): Promise<{ queued: number }> {
    const queued = await this.subscriptions.replay(workspaceId, id, new Date(since), MAX_REPLAY);
    return { queued };
  }

  private async checkTarget(workspaceId: string, url: string): Promise<void> {
    const allowPrivate = await this.subscriptions.allowsPrivateTargets(workspaceId);
    await resolveTarget(new URL(url), allowPrivate);
  }
}
