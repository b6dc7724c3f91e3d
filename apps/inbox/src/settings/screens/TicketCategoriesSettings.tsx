import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketCategoryView } from '@hub/contracts';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, useAdminWrite } from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

interface Draft {
  /** The category being renamed; null: a new one. */
  id: string | null;
  name: string;
  parentId: string;
}

const EMPTY: Draft = { id: null, name: '', parentId: '' };

/** Ticket categories, one level deep: added at the top or under a top one, renamed, deleted. */
export function TicketCategoriesSettings() {
  const { t } = useTranslation('settings');
  const categories = useAdminList<TicketCategoryView>('/ticket-categories');
  const save = useAdminWrite<Draft>(
    (draft) =>
      draft.id
        ? { path: `/ticket-categories/${draft.id}`, method: 'PATCH', body: { name: draft.name } }
        : {
            path: '/ticket-categories',
            method: 'POST',
            body: { name: draft.name, parentId: draft.parentId || null },
          },
    ['/ticket-categories'],
  );
  const remove = useAdminWrite<string>(
    (id) => ({ path: `/ticket-categories/${id}`, method: 'DELETE' }),
    ['/ticket-categories'],
  );
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const tops = (categories.data ?? []).filter((category) => category.parentId === null);
  const nameOf = (id: string | null) =>
    id === null ? '' : (categories.data?.find((category) => category.id === id)?.name ?? id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <>
      <h2>{t('categories.title')}</h2>
      <SettingsTable
        caption={t('categories.title')}
        rows={categories.data}
        columns={[
          {
            header: t('categories.name'),
            cell: (category) => (category.parentId ? `↳ ${category.name}` : category.name),
          },
          { header: t('categories.parent'), cell: (category) => nameOf(category.parentId) },
        ]}
        actions={(category) => (
          <>
            <button
              type="button"
              onClick={() => setDraft({ id: category.id, name: category.name, parentId: '' })}
            >
              {t('categories.rename', { name: category.name })}
            </button>
            <button type="button" onClick={() => remove.mutate(category.id)}>
              {t('categories.delete', { name: category.name })}
            </button>
          </>
        )}
      />
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="category-form">
        <h3 id="category-form">
          {draft.id ? t('categories.renaming', { name: nameOf(draft.id) }) : t('categories.add')}
        </h3>
        <Field label={t('categories.name')} error={save.error} name="name">
          <input
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        {draft.id ? null : (
          <Field label={t('categories.parent')} error={save.error} name="parentId">
            <select
              value={draft.parentId}
              onChange={(e) => setDraft({ ...draft, parentId: e.target.value })}
            >
              <option value="">{t('categories.top')}</option>
              {tops.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormFooter
          submit={draft.id ? t('save') : t('categories.submit')}
          pending={save.isPending}
          error={save.error}
          onCancel={draft.id ? () => setDraft(EMPTY) : undefined}
        />
      </form>
    </>
  );
}
