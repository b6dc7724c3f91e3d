import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { SettingsTable } from '../components/SettingsTable';
import {
  useAdminList,
  useAdminWrite,
  type AdminAgent,
  type AdminDepartment,
} from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

/** Departments: add with members, reserve for VIPs, delete (refused while chats wait). */
export function DepartmentsSettings() {
  const { t } = useTranslation('settings');
  const departments = useAdminList<AdminDepartment>('/departments');
  const agents = useAdminList<AdminAgent>('/agents');
  const create = useAdminWrite<{ name: string; agentIds: string[] }>(
    (body) => ({ path: '/departments', method: 'POST', body }),
    ['/departments', '/agents'],
  );
  const remove = useAdminWrite<string>(
    (id) => ({ path: `/departments/${id}`, method: 'DELETE' }),
    ['/departments', '/agents'],
  );
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const nameOf = (id: string) => agents.data?.find((agent) => agent.id === id)?.name ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, agentIds: members },
      {
        onSuccess: () => {
          setName('');
          setMembers([]);
        },
      },
    );
  };

  return (
    <>
      <h2>{t('departments.title')}</h2>
      <SettingsTable
        caption={t('departments.title')}
        rows={departments.data}
        columns={[
          {
            header: t('departments.name'),
            cell: (department) =>
              department.vipOnly
                ? `${department.name} (${t('departments.vipOnly')})`
                : department.name,
          },
          {
            header: t('departments.members'),
            cell: (department) => department.agentIds.map(nameOf).join(', '),
          },
          { header: t('departments.waiting'), cell: (department) => department.queueLength },
        ]}
        actions={(department) => (
          <button type="button" onClick={() => remove.mutate(department.id)}>
            {t('departments.delete', { name: department.name })}
          </button>
        )}
      />
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-department">
        <h3 id="new-department">{t('departments.add')}</h3>
        <Field label={t('departments.name')} error={create.error} name="name">
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <CheckboxGroup
          legend={t('departments.members')}
          options={(agents.data ?? [])
            .filter((agent) => agent.active)
            .map((agent) => ({ value: agent.id, label: agent.name }))}
          selected={members}
          onChange={setMembers}
        />
        <FormFooter
          submit={t('departments.submit')}
          pending={create.isPending}
          error={create.error}
        />
      </form>
    </>
  );
}
