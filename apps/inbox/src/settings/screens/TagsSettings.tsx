import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagView } from '../../api/types';
import { TagChip } from '../../ui/TagChip';
import { useAdminList, useAdminWrite } from '../settings-api';
import { FormError } from './FormError';

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
      <table className="settings-table">
        <caption className="visually-hidden">{t('tags.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tags.name')}</th>
            <th scope="col">{t('tags.colour')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(tags.data ?? []).map((tag) => (
            <tr key={tag.id}>
              <td>
                <TagChip tag={tag} />
              </td>
              <td>
                <input
                  type="color"
                  aria-label={t('tags.changeColour', { name: tag.name })}
                  defaultValue={tag.colour}
                  onBlur={(e) => {
                    if (e.target.value !== tag.colour)
                      recolour.mutate({ ...tag, colour: e.target.value });
                  }}
                />
              </td>
              <td>
                <button type="button" onClick={() => remove.mutate(tag.id)}>
                  {t('tags.delete', { name: tag.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tags.isSuccess && tags.data.length === 0 ? <p className="muted">{t('tags.empty')}</p> : null}
      <FormError error={remove.error ?? recolour.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="new-tag">
        <h3 id="new-tag">{t('tags.add')}</h3>
        <label>
          {t('tags.name')}
          <input
            required
            maxLength={40}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label>
          {t('tags.colour')}
          <input
            type="color"
            value={draft.colour}
            onChange={(e) => setDraft({ ...draft, colour: e.target.value })}
          />
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('tags.submit')}
        </button>
        <FormError error={create.error} />
      </form>
    </>
  );
}
