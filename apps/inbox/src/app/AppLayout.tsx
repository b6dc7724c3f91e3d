import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSignedIn, useSocketStatus } from '../api/HubProvider';
import { AccountMenu } from './AccountMenu';
import { navItemsFor } from './nav';
import { PresenceSwitch } from './PresenceSwitch';

/** The signed-in frame: navigation by role, presence, account; the screen in the middle. */
export function AppLayout() {
  const { t } = useTranslation('app');
  const signedIn = useSignedIn();
  const status = useSocketStatus();
  const navigate = useNavigate();
  const items = signedIn ? navItemsFor(signedIn.agent.role) : [];

  useEffect(() => {
    // Alt+1…5 opens a screen, from anywhere (the keyboard is a first-class way to work).
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const item = items.find((candidate) => candidate.shortcut === event.key);
      if (!item) return;
      event.preventDefault();
      void navigate(item.path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, navigate]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('brand')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} title={t('nav.shortcut', { key: item.shortcut })}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          {status === 'disconnected' || status === 'connecting' ? (
            <span className="connection-state" role="status">
              {t('connection.reconnecting')}
            </span>
          ) : null}
          <PresenceSwitch />
          <AccountMenu />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
