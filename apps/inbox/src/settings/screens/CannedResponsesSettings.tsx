import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, useAdminWrite, type AdminCannedResponse } from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

interface NewCannedResponse {
  scope: 'shared' | 'personal';
  shortcut: string;
  text: string;
}

/** Canned responses: the shared ones and the admin's own, added and deleted. */
export function CannedResponsesSettings() {
  const { t } = useTranslation('settings');
  const responses = useAdminList<AdminCannedResponse>('/canned-responses');
  const create = useAdminWrite<NewCannedResponse>(
    (body) => ({ path: '/canned-responses', method: 'POST', body }),
    ['/canned-responses'],
  );
  const remove = useAdminWrite<string>(
    (id) => ({ path: `/canned-responses/${id}`, method: 'DELETE' }),
    ['/canned-responses'],
  );
  const [draft, setDraft] = useState<NewCannedResponse>({
    scope: 'shared',
    shortcut: '',
    text: '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft({ ...draft, shortcut: '', text: '' }) });
  };

  return (
    <>
      <h2>{t('canned.title')}</h2>
      <SettingsTable
        caption={t('canned.title')}
        rows={responses.data}
        columns={[
          { header: t('canned.shortcut'), cell: (response) => `/${response.shortcut}` },
          { header: t('canned.text'), cell: (response) => response.text, className: 'pre-wrap' },
          { header: t('canned.scope'), cell: (response) => t(`canned.${response.scope}`) },
        ]}
        actions={(response) => (
          <button type="button" onClick={() => remove.mutate(response.id)}>
            {t('canned.delete', { shortcut: response.shortcut })}
          </button>
        )}
      />
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-canned">
        <h3 id="new-canned">{t('canned.add')}</h3>
        <Field label={t('canned.scope')}>
          <select
            value={draft.scope}
            onChange={(e) =>
              setDraft({ ...draft, scope: e.target.value as NewCannedResponse['scope'] })
            }
          >
            <option value="shared">{t('canned.shared')}</option>
            <option value="personal">{t('canned.personal')}</option>
          </select>
        </Field>
        <Field label={t('canned.shortcut')} error={create.error} name="shortcut">
          <input
            required
            pattern="[\p{L}\p{N}_\-]{1,40}"
            value={draft.shortcut}
            onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })}
          />
        </Field>
        <Field label={t('canned.text')} error={create.error} name="text">
          <textarea
            required
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
        </Field>
        <FormFooter submit={t('canned.submit')} pending={create.isPending} error={create.error} />
      </form>
    </>
  );
}
