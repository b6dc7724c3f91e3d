import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useHub, useSignedIn } from '../api/HubProvider';
import { Field } from '../ui/Field';
import { lastWorkspace, rememberWorkspace } from './last-workspace';
import { signInErrorOf } from './sign-in-error';

/** Only a path of this app: `next` must never send the agent to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/conversations';
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { session } = useHub();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [workspace, setWorkspace] = useState(lastWorkspace);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof signInErrorOf> | null>(null);

  if (signedIn) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn({ workspace: workspace.trim(), email: email.trim(), password });
      rememberWorkspace(workspace.trim());
      await navigate(safeNext(params.get('next')), { replace: true });
    } catch (failure) {
      setError(signInErrorOf(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form
        className="sign-in-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">{t('title')}</h1>
        <Field label={t('workspace')}>
          <input
            name="workspace"
            value={workspace}
            onChange={(event) => setWorkspace(event.target.value)}
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        </Field>
        <Field label={t('email')}>
          <input
            name="email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoComplete="username"
            required
          />
        </Field>
        <Field label={t('password')}>
          <input
            name="password"
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
            required
          />
        </Field>
        {error && (
          <p className="form-error" role="alert">
            {t(error.key, error.values)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signingIn') : t('submit')}
        </button>
      </form>
    </main>
  );
}
