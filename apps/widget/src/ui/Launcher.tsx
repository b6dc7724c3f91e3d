import { unreadCount } from '../features/chat/transcript';
import { inboxText } from '../i18n/locale';
import { ChatIcon, CloseIcon } from './icons';
import { useWidget } from './widget-context';

/**
 * The button in the corner, with the unread badge while the panel is closed: round, or a pill
 * with the inbox's launcher text in the visitor's language when it has one.
 */
export function Launcher() {
  const { store, state, t } = useWidget();
  const unread = state.open ? 0 : unreadCount(state.messages, state.readSeq);
  const { launcherText, defaultLocale } = state.config;
  const text = state.open ? undefined : inboxText(launcherText, state.locale, defaultLocale);
  return (
    <button
      type="button"
      class={`launcher${state.open ? ' is-open' : ''}${text ? ' has-text' : ''}`}
      aria-label={t(state.open ? 'closeChat' : 'openChat')}
      aria-expanded={state.open}
      onClick={() => store.setOpen(!state.open)}
    >
      {state.open ? <CloseIcon /> : <ChatIcon />}
      {text && <span class="launcher-text">{text}</span>}
      {unread > 0 && (
        <span class="badge" aria-label={t('unread', { n: unread })}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
