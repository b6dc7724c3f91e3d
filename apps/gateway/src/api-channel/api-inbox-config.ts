import { isHttpUrl, type InboxView } from '@hub/contracts';
import { Channel } from '@hub/domain';
import type { SecretBox } from '@hub/secret-box';
import { DomainException } from '@hub/service-kit';

/** What the gateway needs of an API inbox: its signing secret (opened) and callback URL. */
export interface ApiInboxConfig {
  signingSecret: string;
  callbackUrl: string | null;
}

function objectAt(value: unknown, key: string): Record<string, unknown> {
  const found = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
}

/**
 * Reads `settings.api.callbackUrl` and opens `settings.secrets.signingSecret` of an API inbox
 * (as the admin API stores them, libs/contracts API_INBOX_SETTINGS). Not an API inbox, or no
 * secret: API_INBOX_NOT_CONFIGURED.
 */
export function apiInboxConfig(inbox: InboxView, box: SecretBox): ApiInboxConfig {
  const sealed = objectAt(inbox.settings, 'secrets').signingSecret;
  if (inbox.channel !== Channel.Api || typeof sealed !== 'string') {
    throw new DomainException(
      'API_INBOX_NOT_CONFIGURED',
      'The inbox is not an API inbox with a signing secret',
    );
  }
  const callbackUrl = objectAt(inbox.settings, 'api').callbackUrl;
  return {
    signingSecret: box.open(sealed),
    callbackUrl: isHttpUrl(callbackUrl) ? callbackUrl : null,
  };
}
