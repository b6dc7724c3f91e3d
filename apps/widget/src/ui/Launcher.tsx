import { unreadCount } from '../features/chat/transcript';
import { ChatIcon, CloseIcon } from './icons';
import { useWidget } from './widget-context';

/** The round button in the corner, with the unread badge while the panel is closed. */
export function Launcher() {
  const { store, state, t } = useWidget();
  const unread = state.open ? 0 : unreadCount(state.messages, state.readSeq);
  return (
    <button
      type="button"
      class={`launcher${state.open ? ' is-open' : ''}`}
      aria-label={t(state.open ? 'closeChat' : 'openChat')}
      aria-expanded={state.open}
      onClick={() => store.setOpen(!state.open)}
    >
      {state.open ? <CloseIcon /> : <ChatIcon />}
      {unread > 0 && (
        <span class="badge" aria-label={t('unread', { n: unread })}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
