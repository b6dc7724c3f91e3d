import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { useHub } from '../api/HubProvider';
import type { AgentView } from '../api/types';
import { Field } from '../ui/Field';
import { rememberWorkspace } from './last-workspace';
import { signInErrorOf } from './sign-in-error';

/** The hub's own rule (MIN_PASSWORD_LENGTH); the browser says it before the hub has to. */
const MIN_PASSWORD_LENGTH = 10;

/**
 * An invited agent's page (`/invitations/:token?workspace=…`, the link the invitation answers):
 * they choose their name and password, and are signed in with them.
 */
export function InvitationPage() {
  const { t } = useTranslation('auth');
  const { http, session } = useHub();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const [workspace, setWorkspace] = useState(params.get('workspace') ?? '');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [accepted, setAccepted] = useState<AgentView | null>(null);

  const signIn = async (agent: AgentView) => {
    await session.signIn({ workspace: workspace.trim(), email: agent.email, password });
    rememberWorkspace(workspace.trim());
    await navigate('/conversations', { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      // Accepted once: a second try (the sign-in failed) only signs in again.
      const agent =
        accepted ??
        (await http.request<AgentView>(`/agent-invitations/${encodeURIComponent(token)}/accept`, {
          method: 'POST',
          body: { name: name.trim(), password },
        }));
      setAccepted(agent);
      await signIn(agent);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const invalid = failure instanceof ApiError && failure.code === 'ROUTING_INVITATION_INVALID';
  const message = invalid
    ? t('invitation.invalid')
    : failure && accepted
      ? t(signInErrorOf(failure).key, signInErrorOf(failure).values)
      : failure
        ? t('invitation.failed')
        : null;

  return (
    <main className="sign-in">
      <form
        className="sign-in-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="invitation-title"
      >
        <h1 id="invitation-title">{t('invitation.title')}</h1>
        <p className="muted">{t('invitation.intro')}</p>
        <Field label={t('workspace')}>
          <input
            value={workspace}
            onChange={(event) => setWorkspace(event.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        </Field>
        <Field label={t('invitation.name')} error={failure} name="name">
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="name"
            disabled={accepted !== null}
            required
          />
        </Field>
        <Field
          label={t('invitation.password')}
          hint={t('invitation.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          error={failure}
          name="password"
        >
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            disabled={accepted !== null}
            required
          />
        </Field>
        {message ? (
          <p className="form-error" role="alert">
            {message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || invalid}>
          {accepted ? t('submit') : t('invitation.submit')}
        </button>
      </form>
    </main>
  );
}
