import { isHttpUrl, type InboxView } from '@hub/contracts';
import { Channel } from '@hub/domain';
import type { SecretBox } from '@hub/secret-box';
import { DomainException } from '@hub/service-kit';

/** The secret an API inbox had before a rotation, valid beside the new one until `expiresAt`. */
export interface PreviousSigningSecret {
  secret: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** What the gateway needs of an API inbox: its signing secrets (opened) and callback URL. */
export interface ApiInboxConfig {
  signingSecret: string;
  previous: PreviousSigningSecret | null;
  callbackUrl: string | null;
}

/** Where a rotation keeps the replaced secret, sealed together with the end of its overlap. */
export const PREVIOUS_SIGNING_SECRET = 'previousSigningSecret';

function objectAt(value: unknown, key: string): Record<string, unknown> {
  const found = (value as Record<string, unknown> | null | undefined)?.[key];
  return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : {};
}

/** Seals the replaced secret with its overlap's end, so no later settings edit can lose it. */
export function sealPreviousSigningSecret(previous: PreviousSigningSecret, box: SecretBox): string {
  return box.seal(JSON.stringify(previous));
}

function openPrevious(sealed: unknown, box: SecretBox): PreviousSigningSecret | null {
  if (typeof sealed !== 'string') return null;
  return JSON.parse(box.open(sealed)) as PreviousSigningSecret;
}

/**
 * Reads `settings.api.callbackUrl` and opens `settings.secrets.signingSecret` (and, after a
 * rotation, `settings.secrets.previousSigningSecret`) of an API inbox (as the admin API stores
 * them, libs/contracts API_INBOX_SETTINGS). Not an API inbox, or no secret:
 * API_INBOX_NOT_CONFIGURED.
 */
export function apiInboxConfig(inbox: InboxView, box: SecretBox): ApiInboxConfig {
  const secrets = objectAt(inbox.settings, 'secrets');
  const sealed = secrets.signingSecret;
  if (inbox.channel !== Channel.Api || typeof sealed !== 'string') {
    throw new DomainException(
      'API_INBOX_NOT_CONFIGURED',
      'The inbox is not an API inbox with a signing secret',
    );
  }
  const callbackUrl = objectAt(inbox.settings, 'api').callbackUrl;
  return {
    signingSecret: box.open(sealed),
    previous: openPrevious(secrets[PREVIOUS_SIGNING_SECRET], box),
    callbackUrl: isHttpUrl(callbackUrl) ? callbackUrl : null,
  };
}

/** The secrets valid at `nowSeconds`: the current one, and the previous while its overlap lasts. */
export function signingSecretsAt(
  config: Pick<ApiInboxConfig, 'signingSecret' | 'previous'>,
  nowSeconds: number,
): string[] {
  const { previous } = config;
  return previous && nowSeconds < previous.expiresAt
    ? [config.signingSecret, previous.secret]
    : [config.signingSecret];
}
