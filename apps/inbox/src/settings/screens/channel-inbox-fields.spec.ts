import { INBOX_SETTINGS } from '@hub/contracts';
import type { Channel } from '@hub/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CHANNEL_FIELDS,
  channelDraftOf,
  channelSettingsOf,
  FORM_CHANNELS,
  type ChannelInboxDraft,
} from './channel-inbox-fields';

// A value each plain field accepts (platform ids are digits, the callback an https URL).
const VALID: Record<string, string> = {
  pageId: '1234567890',
  instagramAccountId: '17841400000000000',
  phoneNumberId: '1098765432',
  callbackUrl: 'https://shop.example/hub-replies',
};
// Fits every secret's rule: Telegram's token (A-Za-z0-9_-), the API's signing secret (32+).
const SECRET = 'Secret_value-123-of-at-least-32-characters';

const filled = (channel: (typeof FORM_CHANNELS)[number]): ChannelInboxDraft => ({
  name: 'Inbox',
  plain: Object.fromEntries(CHANNEL_FIELDS[channel].plain.map((f) => [f.key, VALID[f.key]])),
  secrets: Object.fromEntries(CHANNEL_FIELDS[channel].secrets.map((name) => [name, SECRET])),
});

describe('the social and API inbox forms against INBOX_SETTINGS', () => {
  it.each(FORM_CHANNELS)('%s: the secrets are exactly the channel’s secret names', (channel) => {
    expect([...CHANNEL_FIELDS[channel].secrets].sort()).toEqual(
      [...(INBOX_SETTINGS[channel as Channel]?.secretNames ?? [])].sort(),
    );
  });

  it.each(FORM_CHANNELS)('%s: every field filled is a settings body the hub takes', (channel) => {
    const spec = INBOX_SETTINGS[channel as Channel]!;
    const body = channelSettingsOf(channel, filled(channel));
    const errors = validateSync(plainToInstance(spec.settings, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors).toEqual([]);
  });

  it.each(FORM_CHANNELS)('%s: nothing the form leaves out is required', (channel) => {
    const spec = INBOX_SETTINGS[channel as Channel]!;
    const draft = filled(channel);
    for (const field of CHANNEL_FIELDS[channel].plain) {
      if (field.required) continue;
      draft.plain[field.key] = '';
    }
    const body = channelSettingsOf(channel, { ...draft, secrets: {} });
    expect(validateSync(plainToInstance(spec.settings, body))).toEqual([]);
  });

  it('keeps secrets left empty out of the body, and an emptied callback as null', () => {
    const body = channelSettingsOf('api', {
      name: 'Shop',
      plain: { callbackUrl: ' ' },
      secrets: { signingSecret: '' },
    });
    expect(body).toEqual({ api: { callbackUrl: null } });
  });

  it('reads a stored inbox back into the form, never a secret', () => {
    const draft = channelDraftOf('api', {
      id: 'i1',
      channel: 'api',
      name: 'Shop',
      settings: { api: { callbackUrl: 'https://shop.example/r' } },
      secretsSet: ['signingSecret'],
    });
    expect(draft).toEqual({
      name: 'Shop',
      plain: { callbackUrl: 'https://shop.example/r' },
      secrets: {},
    });
  });
});
