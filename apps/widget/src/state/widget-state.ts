import type {
  Department,
  Invitation,
  Locale,
  MessageView,
  VisitorConversation,
  WidgetConfig,
} from '../api/types';
import type { ConnectionState } from '../connection/visitor-connection';
import type { MessageKey } from '../i18n/catalogues';
import type { OutboxEntry, PersistedState } from './persisted-state';

export interface Notice {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Everything the widget shows; one immutable object, replaced on every change. */
export interface WidgetState extends PersistedState {
  config: WidgetConfig;
  locale: Locale;
  connection: ConnectionState;
  conversation: VisitorConversation | null;
  /** Messages of `conversationId`, by seq. */
  messages: MessageView[];
  /** Highest seq of `conversationId` held (the hello's resume point). */
  lastSeq: number;
  /** Messages up to this seq came as history (a link among them is not opened again). */
  historySeq: number;
  queue: { position: number; estimatedWaitSeconds: number | null } | null;
  agentTyping: boolean;
  invitation: Invitation | null;
  /** Pushed links the browser refused to open: shown as an "Open link" link. */
  blockedLinks: string[];
  uploads: string[];
  notice: Notice | null;
  csat: 'idle' | 'sending' | 'thanks';
  /** The transcript mail asked for in this conversation (connector-web limits how often). */
  transcript: 'idle' | 'sending' | 'sent' | 'limited' | 'failed';
  offline: 'idle' | 'sending' | 'sent' | 'failed';
}

export const DEFAULT_CONFIG: WidgetConfig = {
  inboxId: '',
  primaryColor: '#2563eb',
  position: 'right',
  launcherText: {},
  greeting: {},
  locales: ['en', 'zh-CN', 'zh-TW', 'ja'],
  defaultLocale: 'en',
  departments: [],
  preChatForm: null,
  online: true,
  typingPreview: false,
  uploads: {
    maxBytes: 10 * 1024 * 1024,
    accept: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
  },
};

export type OutboxState = OutboxEntry['state'];

/** A page's state before the hub has said anything: what was saved, nothing live yet. */
export function initialState(
  saved: PersistedState,
  start: Pick<WidgetState, 'config' | 'locale'>,
): WidgetState {
  return {
    ...saved,
    ...start,
    connection: 'connecting',
    conversation: null,
    messages: [],
    lastSeq: 0,
    historySeq: 0,
    queue: null,
    agentTyping: false,
    invitation: null,
    blockedLinks: [],
    uploads: [],
    notice: null,
    csat: 'idle',
    transcript: 'idle',
    offline: 'idle',
  };
}

/** The part of the state written to localStorage. */
export function persistedPart(state: WidgetState): PersistedState {
  return {
    visitorId: state.visitorId,
    token: state.token,
    open: state.open,
    composer: state.composer,
    outbox: state.outbox,
    conversationId: state.conversationId,
    readSeq: state.readSeq,
    chosenLocale: state.chosenLocale,
    departmentId: state.departmentId,
    dismissedInvitations: state.dismissedInvitations,
    preChatDone: state.preChatDone,
    profile: state.profile,
  };
}

/** The department the visitor picked, else the first one shown; undefined when none are shown. */
export function chosenDepartment(state: WidgetState): Department | undefined {
  const { departments } = state.config;
  return departments.find(({ id }) => id === state.departmentId) ?? departments[0];
}

/** The conversation is going on (not none, not resolved or closed). */
export function isChatting(state: WidgetState): boolean {
  const status = state.conversation?.status;
  return status !== undefined && status !== 'resolved' && status !== 'closed';
}
