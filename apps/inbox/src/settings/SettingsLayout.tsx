import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSignedIn } from '../api/HubProvider';
import './settings.css';

export const SETTINGS_SCREENS = [
  'agents',
  'departments',
  'inboxes',
  'canned-responses',
  'tags',
  'api-keys',
  'business-hours',
  'sla-policies',
  'custom-attributes',
  'ticket-categories',
  'workspace',
] as const;

/** The settings section: its own navigation, and the chosen screen. Admins only. */
export function SettingsLayout() {
  const { t } = useTranslation('settings');
  const signedIn = useSignedIn();
  // The API refuses others anyway; this says so instead of showing empty screens.
  if (signedIn?.agent.role !== 'admin') {
    return <p className="page-status">{t('adminOnly')}</p>;
  }
  return (
    <div className="settings">
      <nav aria-label={t('nav.label')} className="settings-nav">
        <h1>{t('title')}</h1>
        <ul>
          {SETTINGS_SCREENS.map((screen) => (
            <li key={screen}>
              <NavLink to={`/settings/${screen}`}>{t(`nav.${screen}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-screen">
        <Outlet />
      </section>
    </div>
  );
}
