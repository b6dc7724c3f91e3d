import type { Locale } from '../api/types';
import { LANGUAGE_NAMES } from '../i18n/catalogues';
import { Avatar } from './Avatar';
import { ChatIcon, MinimizeIcon } from './icons';
import { useWidget } from './widget-context';

/** Who the visitor talks to (agent name and avatar once assigned), language, minimize. */
export function Header() {
  const { store, state, t } = useWidget();
  const agent = state.conversation?.assignee ?? null;
  const status = state.config.online ? t('statusOnline') : t('statusAway');
  return (
    <header class="header">
      {agent ? (
        <Avatar agent={agent} />
      ) : (
        <span class="avatar brand">
          <ChatIcon />
        </span>
      )}
      <div class="header-text">
        <h2 class="header-title">{agent ? agent.name : t('title')}</h2>
        <p class="header-status">{status}</p>
      </div>
      <select
        class="language"
        aria-label={t('language')}
        value={state.locale}
        onChange={(event) => store.setLocale((event.target as HTMLSelectElement).value)}
      >
        {state.config.locales.map((locale: Locale) => (
          <option key={locale} value={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="icon-button minimize"
        aria-label={t('minimize')}
        onClick={() => store.setOpen(false)}
      >
        <MinimizeIcon />
      </button>
    </header>
  );
}
