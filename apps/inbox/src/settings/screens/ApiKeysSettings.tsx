import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, useAdminWrite, type AdminApiKey } from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

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
      <SettingsTable
        caption={t('apiKeys.title')}
        rows={keys.data}
        columns={[
          { header: t('apiKeys.name'), cell: (key) => key.name },
          { header: t('apiKeys.prefix'), cell: (key) => <code>{key.prefix}…</code> },
          { header: t('apiKeys.created'), cell: (key) => date(key.createdAt) },
          { header: t('apiKeys.lastUsed'), cell: (key) => date(key.lastUsedAt) },
        ]}
        actions={(key) => (
          <button type="button" onClick={() => revoke.mutate(key.id)}>
            {t('apiKeys.revoke', { name: key.name })}
          </button>
        )}
      />
      <FormError error={revoke.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-key">
        <h3 id="new-key">{t('apiKeys.issue')}</h3>
        <Field label={t('apiKeys.name')} error={issue.error} name="name">
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <FormFooter submit={t('apiKeys.submit')} pending={issue.isPending} error={issue.error} />
        {issue.data?.key ? (
          <p role="status">
            {t('apiKeys.shownOnce')} <code>{issue.data.key}</code>
          </p>
        ) : null}
      </form>
    </>
  );
}
