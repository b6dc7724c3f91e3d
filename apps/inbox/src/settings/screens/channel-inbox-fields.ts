// The social and API inboxes' forms: exactly the fields each channel's INBOX_SETTINGS entry
// (libs/contracts) takes, checked against it by channel-inbox-fields.spec.ts.
import type { AdminInbox } from '../settings-api';

/** A plain (stored, answered) setting: its key in the form, and where it sits in `settings`. */
export interface PlainField {
  key: string;
  path: readonly string[];
  type: 'text' | 'url';
  required: boolean;
}

export interface ChannelFields {
  plain: readonly PlainField[];
  /** Sealed by the hub, never answered: the form shows only whether each is set. */
  secrets: readonly string[];
}

const platformId = (key: string): PlainField => ({
  key,
  path: [key],
  type: 'text',
  required: true,
});
const META_SECRETS = ['pageAccessToken', 'appSecret'];

export const CHANNEL_FIELDS = {
  messenger: { plain: [platformId('pageId')], secrets: META_SECRETS },
  instagram: { plain: [platformId('instagramAccountId')], secrets: META_SECRETS },
  whatsapp: { plain: [platformId('phoneNumberId')], secrets: ['accessToken', 'appSecret'] },
  telegram: { plain: [], secrets: ['botToken', 'webhookSecret'] },
  line: { plain: [], secrets: ['channelAccessToken', 'channelSecret'] },
  api: {
    plain: [{ key: 'callbackUrl', path: ['api', 'callbackUrl'], type: 'url', required: false }],
    secrets: ['signingSecret'],
  },
} as const satisfies Record<string, ChannelFields>;

export type FormChannel = keyof typeof CHANNEL_FIELDS;
export const FORM_CHANNELS = Object.keys(CHANNEL_FIELDS) as FormChannel[];

export const isFormChannel = (channel: string): channel is FormChannel => channel in CHANNEL_FIELDS;

export interface ChannelInboxDraft {
  name: string;
  plain: Record<string, string>;
  /** Typed secrets; one left empty keeps the stored value. */
  secrets: Record<string, string>;
}

function valueAt(settings: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<string, unknown> | null | undefined)?.[key],
    settings,
  );
}

export function channelDraftOf(channel: FormChannel, inbox?: AdminInbox): ChannelInboxDraft {
  const plain: Record<string, string> = {};
  for (const field of CHANNEL_FIELDS[channel].plain) {
    const value = inbox ? valueAt(inbox.settings, field.path) : undefined;
    plain[field.key] = typeof value === 'string' ? value : '';
  }
  return { name: inbox?.name ?? '', plain, secrets: {} };
}

/** The `settings` body: the plain fields (an empty optional one as null), the typed secrets. */
export function channelSettingsOf(
  channel: FormChannel,
  draft: ChannelInboxDraft,
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS[channel].plain) {
    const value = draft.plain[field.key]?.trim() ?? '';
    const parents = field.path.slice(0, -1);
    let target = settings;
    for (const key of parents) target = (target[key] ??= {}) as Record<string, unknown>;
    target[field.path[field.path.length - 1]] = value === '' && !field.required ? null : value;
  }
  for (const name of CHANNEL_FIELDS[channel].secrets) {
    if (draft.secrets[name]) settings[name] = draft.secrets[name];
  }
  return settings;
}

/** The field name the hub's refusal names for a plain field (`settings.api.callbackUrl`). */
export const settingsFieldName = (path: readonly string[]) => `settings.${path.join('.')}`;
