import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { SecretBox } from '@hub/secret-box';
import { DomainException, RpcClient } from '@hub/service-kit';
import { apiInboxConfig, signingSecretsAt } from '../api-channel/api-inbox-config';
import type { DueDelivery } from './webhook-deliveries.repository';

/** Where one delivery goes and the secrets it is signed with (two during a rotation's overlap). */
export interface DeliveryTarget {
  url: string;
  secrets: string[];
}

/**
 * Reads a delivery's target: a subscription's URL and opened secret, or an API inbox's callback
 * URL and signing secret as the inbox is configured now (asked from conversation).
 */
@Injectable()
export class DeliveryTargets {
  constructor(
    private readonly rpc: RpcClient,
    private readonly box: SecretBox,
  ) {}

  async of(delivery: DueDelivery): Promise<DeliveryTarget> {
    if (delivery.subscription) {
      const { url, sealedSecret, previousSealedSecret } = delivery.subscription;
      const sealed = previousSealedSecret ? [sealedSecret, previousSealedSecret] : [sealedSecret];
      return { url, secrets: sealed.map((secret) => this.box.open(secret)) };
    }
    const inbox = await this.rpc.request(SUBJECTS.conversation.getInbox, {
      inboxId: delivery.inboxId ?? '',
    });
    const config = apiInboxConfig(inbox, this.box);
    if (!config.callbackUrl) {
      throw new DomainException('API_INBOX_NOT_CONFIGURED', 'The inbox has no callback URL');
    }
    // During a rotation's overlap replies carry both signatures, as subscriptions' deliveries do.
    return {
      url: config.callbackUrl,
      secrets: signingSecretsAt(config, Math.floor(Date.now() / 1000)),
    };
  }
}
