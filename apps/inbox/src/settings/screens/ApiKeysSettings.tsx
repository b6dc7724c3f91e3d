import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminList, useAdminWrite, type AdminApiKey } from '../settings-api';
import { FormError } from './FormError';

/** Integrators' API keys: issued (the key shown this once), listed by prefix, revoked. */
export function ApiKeysSettings() {
  const { t, i18n } = useTranslation('settings');
  const keys = useAdminList<AdminApiKey>('/api-keys');
  const issue = useAdminWrite<string, AdminApiKey>(
    (name) => ({ path: '/api-keys', method: 'POST', body: { name } }),
    ['/api-keys'],
  );
  const revoke = useAdminWrite<string>(
    (id) => ({ path: `/api-keys/${id}`, method: 'DELETE' }),
    ['/api-keys'],
  );
  const [name, setName] = useState('');
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(iso),
        )
      : t('apiKeys.never');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate(name, { onSuccess: () => setName('') });
  };

  return (
    <>
      <h2>{t('apiKeys.title')}</h2>
      <table className="settings-table">
        <caption className="visually-hidden">{t('apiKeys.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apiKeys.name')}</th>
            <th scope="col">{t('apiKeys.prefix')}</th>
            <th scope="col">{t('apiKeys.created')}</th>
            <th scope="col">{t('apiKeys.lastUsed')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(keys.data ?? []).map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{date(key.createdAt)}</td>
              <td>{date(key.lastUsedAt)}</td>
              <td>
                <button type="button" onClick={() => revoke.mutate(key.id)}>
                  {t('apiKeys.revoke', { name: key.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={revoke.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-key">
        <h3 id="new-key">{t('apiKeys.issue')}</h3>
        <label>
          {t('apiKeys.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={issue.isPending}>
          {t('apiKeys.submit')}
        </button>
        <FormError error={issue.error} />
        {issue.data?.key ? (
          <p role="status">
            {t('apiKeys.shownOnce')} <code>{issue.data.key}</code>
          </p>
        ) : null}
      </form>
    </>
  );
}
