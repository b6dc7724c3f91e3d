import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagView } from '../../api/types';
import { Field } from '../../ui/Field';
import { TagChip } from '../../ui/TagChip';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, useAdminWrite } from '../settings-api';

type NewTag = Omit<TagView, 'id'>;

/** The workspace's conversation tags: added, recoloured and deleted by admins. */
export function TagsSettings() {
  const { t } = useTranslation('settings');
  const tags = useAdminList<TagView>('/tags');
  const create = useAdminWrite<NewTag>(
    (body) => ({ path: '/tags', method: 'POST', body }),
    ['/tags'],
  );
  const recolour = useAdminWrite<TagView>(
    ({ id, colour }) => ({ path: `/tags/${id}`, method: 'PATCH', body: { colour } }),
    ['/tags'],
  );
  const remove = useAdminWrite<string>(
    (id) => ({ path: `/tags/${id}`, method: 'DELETE' }),
    ['/tags'],
  );
  const [draft, setDraft] = useState<NewTag>({ name: '', colour: '#2471a3' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft({ ...draft, name: '' }) });
  };

  return (
    <>
      <h2>{t('tags.title')}</h2>
      <SettingsTable
        caption={t('tags.title')}
        rows={tags.data}
        columns={[
          { header: t('tags.name'), cell: (tag) => <TagChip tag={tag} /> },
          {
            header: t('tags.colour'),
            cell: (tag) => (
              <input
                type="color"
                aria-label={t('tags.changeColour', { name: tag.name })}
                defaultValue={tag.colour}
                onBlur={(e) => {
                  if (e.target.value !== tag.colour)
                    recolour.mutate({ ...tag, colour: e.target.value });
                }}
              />
            ),
          },
        ]}
        actions={(tag) => (
          <button type="button" onClick={() => remove.mutate(tag.id)}>
            {t('tags.delete', { name: tag.name })}
          </button>
        )}
      />
      {tags.isSuccess && tags.data.length === 0 ? <p className="muted">{t('tags.empty')}</p> : null}
      <FormError error={remove.error ?? recolour.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-tag">
        <h3 id="new-tag">{t('tags.add')}</h3>
        <Field label={t('tags.name')} error={create.error} name="name">
          <input
            required
            maxLength={40}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        <Field label={t('tags.colour')} error={create.error} name="colour">
          <input
            type="color"
            value={draft.colour}
            onChange={(e) => setDraft({ ...draft, colour: e.target.value })}
          />
        </Field>
        <FormFooter submit={t('tags.submit')} pending={create.isPending} error={create.error} />
      </form>
    </>
  );
}
