import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHub, useSignedIn } from '../api/HubProvider';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n/languages';

/** The agent's name, the language of the app, and sign-out. */
export function AccountMenu() {
  const { t, i18n } = useTranslation('app');
  const { session, socket } = useHub();
  const signedIn = useSignedIn();
  const navigate = useNavigate();

  const signOut = async () => {
    socket.stop();
    await session.signOut();
    await navigate('/sign-in', { replace: true });
  };

  return (
    <div className="account">
      <span className="account-name" title={signedIn?.agent.email}>
        {signedIn?.agent.name}
      </span>
      <select
        aria-label={t('language')}
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    </div>
  );
}
