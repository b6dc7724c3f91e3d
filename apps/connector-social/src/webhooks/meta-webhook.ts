import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import { SocialInboxes, type SocialInbox } from '../inboxes/social-inboxes';
import { AdmitPlatformEvents } from '../inbound/admit-platform-events.use-case';
import { metaEntries } from '../inbound/meta-events';
import { metaSignatureValid, sameSecret } from './signatures';
import { inboxNotFound, signatureInvalid, WebhookAdmission } from './webhook-admission';

/**
 * `/webhooks/meta`: Messenger, Instagram and WhatsApp Cloud API. The GET handshake answers the
 * challenge for META_VERIFY_TOKEN; a POST is checked against the app secret of the inbox(es)
 * its entries name (X-Hub-Signature-256 over the raw body), then admitted.
 */
@Injectable()
export class MetaWebhook {
  private readonly logger = new Logger(MetaWebhook.name);

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    private readonly admission: WebhookAdmission,
    private readonly inboxes: SocialInboxes,
    private readonly admit: AdmitPlatformEvents,
  ) {}

  verify(query: { mode?: string; verifyToken?: string; challenge?: string }): string {
    const expected = this.env.META_VERIFY_TOKEN;
    if (
      query.mode !== 'subscribe' ||
      !expected ||
      !query.verifyToken ||
      !sameSecret(query.verifyToken, expected)
    ) {
      throw new DomainException('WEBHOOK_VERIFY_TOKEN_INVALID', 'Wrong verify token');
    }
    return query.challenge ?? '';
  }

  async receive(call: { rawBody: Buffer; signature?: string }): Promise<void> {
    if (!call.signature) throw signatureInvalid();
    const entries = metaEntries(this.admission.json(call.rawBody));
    if (entries === null || entries.length === 0) {
      this.logger.log('Meta webhook of an object or shape not served; ignored');
      return;
    }
    const inboxes: SocialInbox[] = [];
    for (const entry of entries) {
      const inbox = await this.inboxes.byAccount(entry.channel, entry.accountId);
      if (!inbox) throw inboxNotFound();
      inboxes.push(inbox);
    }
    // Every inbox named must have signed it: one app's webhook may carry several accounts.
    for (const inbox of new Set(inboxes)) {
      const appSecret = inbox.secret('appSecret');
      if (!appSecret || !metaSignatureValid(call.rawBody, call.signature, appSecret)) {
        throw signatureInvalid();
      }
    }
    await Promise.all(entries.map((entry, i) => this.admit.execute(inboxes[i], entry.events)));
  }
}
