import type { Attachment, Locale } from '../api/types';
import { LOCALES } from '../i18n/catalogues';

/** A message of the visitor not yet stored by the hub (kept across reconnects and pages). */
export interface OutboxEntry {
  clientMessageId: string;
  content: string;
  fileId?: string;
  /** What the upload returned, shown while the message waits. */
  attachment?: Attachment;
  departmentId?: string;
  state: 'sending' | 'sent' | 'failed';
  createdAt: string;
}

export interface Profile {
  name?: string;
  email?: string;
  phone?: string;
}

/** What survives a page change, in localStorage `hub-widget:<inboxId>`. */
export interface PersistedState {
  visitorId: string | null;
  token: string | null;
  open: boolean;
  composer: string;
  outbox: OutboxEntry[];
  conversationId: string | null;
  /** Highest seq of `conversationId` the visitor has seen with the panel open (unread badge). */
  readSeq: number;
  /** The language the visitor (or `Hub("setLocale")`) chose; null = from the browser. */
  chosenLocale: Locale | null;
  departmentId: string | null;
  dismissedInvitations: string[];
  preChatDone: boolean;
  profile: Profile;
}

export const EMPTY_PERSISTED_STATE: PersistedState = {
  visitorId: null,
  token: null,
  open: false,
  composer: '',
  outbox: [],
  conversationId: null,
  readSeq: 0,
  chosenLocale: null,
  departmentId: null,
  dismissedInvitations: [],
  preChatDone: false,
  profile: {},
};

export const storageKey = (inboxId: string) => `hub-widget:${inboxId}`;

const isString = (value: unknown): value is string => typeof value === 'string';
const stringOrNull = (value: unknown) => (isString(value) ? value : null);

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    isString(entry.clientMessageId) &&
    isString(entry.content) &&
    isString(entry.createdAt) &&
    (entry.state === 'sending' || entry.state === 'sent' || entry.state === 'failed')
  );
}

function profileOf(value: unknown): Profile {
  if (typeof value !== 'object' || value === null) return {};
  const { name, email, phone } = value as Record<string, unknown>;
  return {
    ...(isString(name) ? { name } : {}),
    ...(isString(email) ? { email } : {}),
    ...(isString(phone) ? { phone } : {}),
  };
}

/**
 * The saved state, field by field: the host page shares localStorage with us, so whatever is
 * missing, corrupt or from an older widget falls back to its default instead of breaking boot.
 */
export function loadPersistedState(storage: Storage | null, inboxId: string): PersistedState {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(storageKey(inboxId)) ?? 'null');
  } catch (_corrupt) {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return { ...EMPTY_PERSISTED_STATE };
  const saved = raw as Record<string, unknown>;
  return {
    visitorId: stringOrNull(saved.visitorId),
    token: stringOrNull(saved.token),
    open: saved.open === true,
    composer: isString(saved.composer) ? saved.composer : '',
    outbox: Array.isArray(saved.outbox) ? saved.outbox.filter(isOutboxEntry) : [],
    conversationId: stringOrNull(saved.conversationId),
    readSeq: Number.isSafeInteger(saved.readSeq) ? (saved.readSeq as number) : 0,
    chosenLocale: LOCALES.find((locale) => locale === saved.chosenLocale) ?? null,
    departmentId: stringOrNull(saved.departmentId),
    dismissedInvitations: Array.isArray(saved.dismissedInvitations)
      ? saved.dismissedInvitations.filter(isString).slice(-50)
      : [],
    preChatDone: saved.preChatDone === true,
    profile: profileOf(saved.profile),
  };
}

/** Saves the state; a full or forbidden storage (Safari private mode) only costs persistence. */
export function savePersistedState(
  storage: Storage | null,
  inboxId: string,
  state: PersistedState,
): void {
  try {
    storage?.setItem(storageKey(inboxId), JSON.stringify(state));
  } catch (_unavailable) {
    // Nothing to do: the widget works for this page without it.
  }
}
