import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHub, useSignedIn } from '../api/HubProvider';
import { applyProfileLanguage } from '../i18n/setup';

/**
 * The signed-in part of the app: resumes the tab's session after a reload, opens the agent socket
 * while signed in, and sends everyone else to the sign-in page (coming back here afterwards).
 */
export function RequireAgent() {
  const { session, socket } = useHub();
  const signedIn = useSignedIn();
  const location = useLocation();
  const { t } = useTranslation('auth');
  const [resuming, setResuming] = useState(() => !session.current && session.canResume);

  useEffect(() => {
    if (!resuming) return;
    void session
      .refresh()
      .catch(() => null)
      .finally(() => setResuming(false));
  }, [resuming, session]);

  const agentId = signedIn?.agent.id;
  const locale = signedIn?.agent.locale;
  useEffect(() => {
    if (!agentId) return;
    socket.start();
    return () => socket.stop();
  }, [agentId, socket]);
  useEffect(() => {
    if (agentId) void applyProfileLanguage(locale);
  }, [agentId, locale]);

  if (resuming) return <p className="page-status">{t('resuming')}</p>;
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
