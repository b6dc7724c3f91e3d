import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeDefinitionView } from '@hub/contracts';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { listOf } from '../form-values';
import { useAdminList, useAdminWrite } from '../settings-api';
import { FormFooter } from '../components/FormFooter';
import { DeleteAttribute } from './DeleteAttribute';

const TYPES = ['text', 'number', 'date', 'boolean', 'list'] as const;

interface Draft {
  /** The attribute being edited (its label and options only); null: a new one. */
  id: string | null;
  key: string;
  label: string;
  type: (typeof TYPES)[number];
  options: string;
}

const EMPTY: Draft = { id: null, key: '', label: '', type: 'text', options: '' };

function requestOf(draft: Draft) {
  const options = draft.type === 'list' ? { options: listOf(draft.options) } : {};
  return draft.id
    ? {
        path: `/customer-attributes/${draft.id}`,
        method: 'PATCH' as const,
        body: { label: draft.label, ...options },
      }
    : {
        path: '/customer-attributes',
        method: 'POST' as const,
        body: { key: draft.key, label: draft.label, type: draft.type, ...options },
      };
}

/**
 * Custom customer attributes: defined by key and type, their label and options edited later,
 * deleted (with every customer's value of them) after a confirmation.
 */
export function CustomAttributesSettings() {
  const { t } = useTranslation('settings');
  const attributes = useAdminList<AttributeDefinitionView>('/customer-attributes');
  const save = useAdminWrite<Draft>(requestOf, ['/customer-attributes']);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [deleting, setDeleting] = useState<AttributeDefinitionView | null>(null);
  // What the last deletion removed, said until the next one.
  const [deleted, setDeleted] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <>
      <h2>{t('attributes.title')}</h2>
      <SettingsTable
        caption={t('attributes.title')}
        rows={attributes.data}
        columns={[
          { header: t('attributes.key'), cell: (attribute) => <code>{attribute.key}</code> },
          { header: t('attributes.label'), cell: (attribute) => attribute.label },
          {
            header: t('attributes.type'),
            cell: (attribute) => t(`attributes.types.${attribute.type}`),
          },
          { header: t('attributes.options'), cell: (attribute) => attribute.options.join(', ') },
        ]}
        actions={(attribute) => (
          <>
            <button
              type="button"
              onClick={() => setDraft({ ...attribute, options: attribute.options.join('\n') })}
            >
              {t('attributes.edit', { label: attribute.label })}
            </button>
            <button type="button" onClick={() => setDeleting(attribute)}>
              {t('attributes.delete', { label: attribute.label })}
            </button>
          </>
        )}
      />
      {deleting ? (
        <DeleteAttribute
          key={deleting.id}
          attribute={deleting}
          onDone={(outcome) => {
            setDeleting(null);
            setDeleted(outcome);
            if (outcome && draft.id === deleting.id) setDraft(EMPTY);
          }}
        />
      ) : null}
      {deleted ? <p role="status">{deleted}</p> : null}

      <form className="settings-form" onSubmit={submit} aria-labelledby="attribute-form">
        <h3 id="attribute-form">
          {draft.id ? t('attributes.editing', { key: draft.key }) : t('attributes.add')}
        </h3>
        <Field
          label={t('attributes.key')}
          hint={t('attributes.keyHint')}
          error={save.error}
          name="key"
        >
          <input
            required
            disabled={draft.id !== null}
            value={draft.key}
            onChange={(e) => setDraft({ ...draft, key: e.target.value })}
          />
        </Field>
        <Field label={t('attributes.label')} error={save.error} name="label">
          <input
            required
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })}
          />
        </Field>
        <Field label={t('attributes.type')} error={save.error} name="type">
          <select
            disabled={draft.id !== null}
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value as Draft['type'] })}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`attributes.types.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        {draft.type === 'list' ? (
          <Field
            label={t('attributes.options')}
            hint={t('attributes.optionsHint')}
            error={save.error}
            name="options"
          >
            <textarea
              rows={4}
              value={draft.options}
              onChange={(e) => setDraft({ ...draft, options: e.target.value })}
            />
          </Field>
        ) : null}
        <FormFooter
          submit={draft.id ? t('save') : t('attributes.submit')}
          pending={save.isPending}
          error={save.error}
          onCancel={draft.id ? () => setDraft(EMPTY) : undefined}
        />
      </form>
    </>
  );
}
