import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminList, useAdminWrite, type AdminAgent } from '../settings-api';
import { FormError } from './FormError';
import { LanguageSelect } from './LanguageSelect';

const ROLES = ['agent', 'supervisor', 'admin'] as const;

interface NewAgent {
  email: string;
  name: string;
  role: string;
  password?: string;
  locale: string;
}

/** Agents: add (with a password) or invite (without), deactivate and reactivate. */
export function AgentsSettings() {
  const { t } = useTranslation('settings');
  const agents = useAdminList<AdminAgent>('/agents');
  const create = useAdminWrite<NewAgent, { invitationToken: string | null }>(
    (body) => ({ path: '/agents', method: 'POST', body }),
    ['/agents'],
  );
  const setActive = useAdminWrite<{ id: string; active: boolean }>(
    ({ id, active }) => ({ path: `/agents/${id}`, method: 'PATCH', body: { active } }),
    ['/agents'],
  );
  const [draft, setDraft] = useState<NewAgent>({
    email: '',
    name: '',
    role: 'agent',
    locale: 'en',
  });
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...draft, ...(password ? { password } : {}) },
      { onSuccess: () => setDraft({ email: '', name: '', role: 'agent', locale: 'en' }) },
    );
    setPassword('');
  };

  return (
    <>
      <h2>{t('agents.title')}</h2>
      <table className="settings-table">
        <caption className="visually-hidden">{t('agents.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agents.name')}</th>
            <th scope="col">{t('agents.email')}</th>
            <th scope="col">{t('agents.role')}</th>
            <th scope="col">{t('agents.status')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(agents.data ?? []).map((agent) => (
            <tr key={agent.id}>
              <td>{agent.name}</td>
              <td>{agent.email}</td>
              <td>{t(`roles.${agent.role}`)}</td>
              <td>{agent.active ? t('agents.active') : t('agents.inactive')}</td>
              <td>
                <button
                  type="button"
                  onClick={() => setActive.mutate({ id: agent.id, active: !agent.active })}
                >
                  {agent.active
                    ? t('agents.deactivate', { name: agent.name })
                    : t('agents.reactivate', { name: agent.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={setActive.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-agent">
        <h3 id="new-agent">{t('agents.add')}</h3>
        <label>
          {t('agents.email')}
          <input
            type="email"
            required
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
        </label>
        <label>
          {t('agents.name')}
          <input
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label>
          {t('agents.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <LanguageSelect
          label={t('agents.locale')}
          value={draft.locale}
          onChange={(locale) => setDraft({ ...draft, locale })}
        />
        <label>
          {t('agents.password')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="password-hint"
          />
        </label>
        <p id="password-hint" className="muted">
          {t('agents.passwordHint')}
        </p>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('agents.submit')}
        </button>
        <FormError error={create.error} />
        {create.data?.invitationToken ? (
          <p role="status">
            {t('agents.invited')} <code>{create.data.invitationToken}</code>
          </p>
        ) : null}
      </form>
    </>
  );
}
