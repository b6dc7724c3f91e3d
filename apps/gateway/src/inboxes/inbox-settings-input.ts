import { INBOX_SETTINGS, type InboxSettingsSpec, type SealedSecretChanges } from '@hub/contracts';
import type { Channel } from '@hub/domain';
import type { SecretBox } from '@hub/secret-box';
import { DomainException, validationFailed } from '@hub/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Settings as they go to conversation: the stored part, and the secrets sealed. */
export interface SealedSettings {
  settings: Record<string, unknown>;
  secrets: SealedSecretChanges;
}

function settingsSpecOf(channel: Channel): InboxSettingsSpec {
  const spec = INBOX_SETTINGS[channel];
  if (!spec) {
    throw new DomainException(
      'INBOX_CHANNEL_UNSUPPORTED',
      `Inboxes of the ${channel} channel cannot be configured through this API yet`,
      [{ field: 'channel', message: `${channel} is not supported here` }],
    );
  }
  return spec;
}

/**
 * Validates a channel's settings body as the REST body itself would be (unknown fields
 * refused), then moves each secret field out of it, sealed. A secret given as null is to be
 * removed; one left out keeps its stored value.
 */
export function sealSettings(
  channel: Channel,
  body: Record<string, unknown>,
  box: SecretBox,
): SealedSettings {
  const spec = settingsSpecOf(channel);
  const secrets: SealedSecretChanges = {};
  const rest = { ...body };
  for (const name of spec.secretNames) {
    if (rest[name] !== null) continue;
    secrets[name] = null;
    delete rest[name];
  }
  const errors = validateSync(plainToInstance(spec.settings, rest), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length > 0) throw validationFailed(errors.map(underSettings));
  const settings: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rest)) {
    if (!spec.secretNames.includes(field)) settings[field] = value;
    else if (typeof value === 'string') secrets[field] = box.seal(value);
  }
  return { settings, secrets };
}

function underSettings(error: ValidationError): ValidationError {
  return { ...error, property: `settings.${error.property}` };
}
