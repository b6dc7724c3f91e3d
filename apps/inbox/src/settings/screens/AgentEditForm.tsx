import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CheckboxGroup } from '../components/CheckboxGroup';
import {
  useAdminList,
  useAdminWrite,
  type AdminAgent,
  type AdminDepartment,
} from '../settings-api';
import { FormFooter } from '../components/FormFooter';
import { RoleSelect } from '../components/RoleSelect';

type Changes = Partial<Pick<AdminAgent, 'role' | 'maxConcurrentChats' | 'departmentIds'>>;

/** What the admin changed: a role sent unchanged would still be a request to change it. */
function changesOf(agent: AdminAgent, draft: Required<Changes>): Changes {
  const changes: Changes = {};
  if (draft.role !== agent.role) changes.role = draft.role;
  if (draft.maxConcurrentChats !== agent.maxConcurrentChats)
    changes.maxConcurrentChats = draft.maxConcurrentChats;
  const sameDepartments =
    draft.departmentIds.length === agent.departmentIds.length &&
    draft.departmentIds.every((id) => agent.departmentIds.includes(id));
  if (!sameDepartments) changes.departmentIds = draft.departmentIds;
  return changes;
}

/** An existing agent's role, chat limit and departments (a role change signs them out). */
export function AgentEditForm({ agent, onDone }: { agent: AdminAgent; onDone: () => void }) {
  const { t } = useTranslation('settings');
  const departments = useAdminList<AdminDepartment>('/departments');
  const save = useAdminWrite<Changes>(
    (body) => ({ path: `/agents/${agent.id}`, method: 'PATCH', body }),
    ['/agents', '/departments'],
  );
  const [draft, setDraft] = useState<Required<Changes>>({
    role: agent.role,
    maxConcurrentChats: agent.maxConcurrentChats,
    departmentIds: agent.departmentIds,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(agent, draft);
    if (Object.keys(changes).length === 0) return onDone();
    save.mutate(changes, { onSuccess: onDone });
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="edit-agent">
      <h3 id="edit-agent">{t('agents.editing', { name: agent.name })}</h3>
      <RoleSelect
        value={draft.role}
        onChange={(role) => setDraft({ ...draft, role })}
        hint={t('agents.roleHint')}
        error={save.error}
      />
      <Field label={t('agents.maxChats')} error={save.error} name="maxConcurrentChats">
        <input
          type="number"
          required
          value={draft.maxConcurrentChats}
          onChange={(e) => setDraft({ ...draft, maxConcurrentChats: e.target.valueAsNumber })}
        />
      </Field>
      <CheckboxGroup
        legend={t('agents.departments')}
        options={(departments.data ?? []).map(({ id, name }) => ({ value: id, label: name }))}
        selected={draft.departmentIds}
        onChange={(departmentIds) => setDraft({ ...draft, departmentIds })}
      />
      <FormFooter
        submit={t('save')}
        pending={save.isPending}
        error={save.error}
        onCancel={onDone}
      />
    </form>
  );
}
