import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, useAdminWrite, type AdminAgent } from '../settings-api';
import { AgentEditForm } from './AgentEditForm';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';
import { RoleSelect } from '../components/RoleSelect';
import { LanguageSelect } from './LanguageSelect';

interface NewAgent {
  email: string;
  name: string;
  role: AdminAgent['role'];
  password?: string;
  locale: string;
}

const EMPTY: NewAgent = { email: '', name: '', role: 'agent', locale: 'en' };

/** Agents: add (with a password) or invite (without), edit, deactivate and reactivate. */
export function AgentsSettings() {
  const { t } = useTranslation('settings');
  const agents = useAdminList<AdminAgent>('/agents');
  const create = useAdminWrite<NewAgent, { invitationPath: string | null }>(
    (body) => ({ path: '/agents', method: 'POST', body }),
    ['/agents'],
  );
  const setActive = useAdminWrite<{ id: string; active: boolean }>(
    ({ id, active }) => ({ path: `/agents/${id}`, method: 'PATCH', body: { active } }),
    ['/agents'],
  );
  const [draft, setDraft] = useState<NewAgent>(EMPTY);
  const [password, setPassword] = useState('');
  const [editing, setEditing] = useState<AdminAgent | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...draft, ...(password ? { password } : {}) },
      { onSuccess: () => setDraft(EMPTY) },
    );
    setPassword('');
  };

  return (
    <>
      <h2>{t('agents.title')}</h2>
      <SettingsTable
        caption={t('agents.title')}
        rows={agents.data}
        columns={[
          { header: t('agents.name'), cell: (agent) => agent.name },
          { header: t('agents.email'), cell: (agent) => agent.email },
          { header: t('agents.role'), cell: (agent) => t(`roles.${agent.role}`) },
          { header: t('agents.maxChats'), cell: (agent) => agent.maxConcurrentChats },
          {
            header: t('agents.status'),
            cell: (agent) => (agent.active ? t('agents.active') : t('agents.inactive')),
          },
        ]}
        actions={(agent) => (
          <>
            <button type="button" onClick={() => setEditing(agent)}>
              {t('agents.edit', { name: agent.name })}
            </button>
            <button
              type="button"
              onClick={() => setActive.mutate({ id: agent.id, active: !agent.active })}
            >
              {agent.active
                ? t('agents.deactivate', { name: agent.name })
                : t('agents.reactivate', { name: agent.name })}
            </button>
          </>
        )}
      />
      <FormError error={setActive.error} />
      {editing ? (
        <AgentEditForm key={editing.id} agent={editing} onDone={() => setEditing(null)} />
      ) : null}

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-agent">
        <h3 id="new-agent">{t('agents.add')}</h3>
        <Field label={t('agents.email')} error={create.error} name="email">
          <input
            type="email"
            required
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
        </Field>
        <Field label={t('agents.name')} error={create.error} name="name">
          <input
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        <RoleSelect value={draft.role} onChange={(role) => setDraft({ ...draft, role })} />
        <LanguageSelect
          label={t('agents.locale')}
          value={draft.locale}
          onChange={(locale) => setDraft({ ...draft, locale })}
        />
        <Field
          label={t('agents.password')}
          hint={t('agents.passwordHint')}
          error={create.error}
          name="password"
        >
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <FormFooter submit={t('agents.submit')} pending={create.isPending} error={create.error} />
        {create.data?.invitationPath ? (
          <InvitationLink url={`${window.location.origin}${create.data.invitationPath}`} />
        ) : null}
      </form>
    </>
  );
}

/** The invitation's link, shown this once, to send to the new agent. */
function InvitationLink({ url }: { url: string }) {
  const { t } = useTranslation('settings');
  return (
    <div role="status">
      <Field label={t('agents.invited')}>
        <input readOnly className="code" value={url} onFocus={(e) => e.target.select()} />
      </Field>
    </div>
  );
}
