import { Injectable } from '@nestjs/common';
import { Channel } from '@hub/domain';
import { isUUID } from 'class-validator';
import { SocialInboxes } from '../inboxes/social-inboxes';
import { AdmitPlatformEvents } from '../inbound/admit-platform-events.use-case';
import { telegramEvents } from '../inbound/telegram-updates';
import { sameSecret } from './signatures';
import { inboxNotFound, signatureInvalid, WebhookAdmission } from './webhook-admission';

/** `/webhooks/telegram/:inboxId`: checked by the secret token given to setWebhook. */
@Injectable()
export class TelegramWebhook {
  constructor(
    private readonly admission: WebhookAdmission,
    private readonly inboxes: SocialInboxes,
    private readonly admit: AdmitPlatformEvents,
  ) {}

  async receive(call: { inboxId: string; rawBody: Buffer; secretToken?: string }): Promise<void> {
    const inbox = isUUID(call.inboxId)
      ? await this.inboxes.byId(Channel.Telegram, call.inboxId)
      : null;
    if (!inbox) throw inboxNotFound();
    const expected = inbox.secret('webhookSecret');
    if (!expected || !call.secretToken || !sameSecret(call.secretToken, expected)) {
      throw signatureInvalid();
    }
    await this.admit.execute(inbox, telegramEvents(this.admission.json(call.rawBody)));
  }
}
