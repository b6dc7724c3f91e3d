import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAdminList,
  useAdminWrite,
  type AdminAgent,
  type AdminDepartment,
} from '../settings-api';
import { FormError } from './FormError';

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
      <table className="settings-table">
        <caption className="visually-hidden">{t('departments.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('departments.name')}</th>
            <th scope="col">{t('departments.members')}</th>
            <th scope="col">{t('departments.waiting')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(departments.data ?? []).map((department) => (
            <tr key={department.id}>
              <td>
                {department.name}
                {department.vipOnly ? ` (${t('departments.vipOnly')})` : ''}
              </td>
              <td>{department.agentIds.map(nameOf).join(', ')}</td>
              <td>{department.queueLength}</td>
              <td>
                <button type="button" onClick={() => remove.mutate(department.id)}>
                  {t('departments.delete', { name: department.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-department">
        <h3 id="new-department">{t('departments.add')}</h3>
        <label>
          {t('departments.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('departments.members')}</legend>
          {(agents.data ?? [])
            .filter((agent) => agent.active)
            .map((agent) => (
              <label key={agent.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={members.includes(agent.id)}
                  onChange={(e) =>
                    setMembers(
                      e.target.checked
                        ? [...members, agent.id]
                        : members.filter((id) => id !== agent.id),
                    )
                  }
                />
                {agent.name}
              </label>
            ))}
        </fieldset>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('departments.submit')}
        </button>
        <FormError error={create.error} />
      </form>
    </>
  );
}
