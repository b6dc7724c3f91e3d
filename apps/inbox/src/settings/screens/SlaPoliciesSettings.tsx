import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicyView, TicketCategoryView } from '@hub/contracts';
import { Field, FieldErrors, fieldMessages } from '../../ui/Field';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { SettingsTable } from '../components/SettingsTable';
import { numberOrNull } from '../form-values';
import { useAdminList, useAdminWrite } from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TARGETS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;
type Target = (typeof TARGETS)[number];

interface Draft {
  /** The policy being edited; null: a new one. */
  id: string | null;
  name: string;
  priorities: string[];
  categoryIds: string[];
  vip: 'any' | 'yes' | 'no';
  targets: Record<Target, string>;
  hours: 'business' | 'calendar';
}

const EMPTY: Draft = {
  id: null,
  name: '',
  priorities: [],
  categoryIds: [],
  vip: 'any',
  targets: { firstResponseMinutes: '', nextResponseMinutes: '', resolutionMinutes: '' },
  hours: 'business',
};

function draftOf(policy: SlaPolicyView): Draft {
  const minutes = (value: number | null) => (value === null ? '' : String(value));
  return {
    id: policy.id,
    name: policy.name,
    priorities: policy.priorities,
    categoryIds: policy.categoryIds,
    vip: policy.vip === null ? 'any' : policy.vip ? 'yes' : 'no',
    targets: {
      firstResponseMinutes: minutes(policy.firstResponseMinutes),
      nextResponseMinutes: minutes(policy.nextResponseMinutes),
      resolutionMinutes: minutes(policy.resolutionMinutes),
    },
    hours: policy.hours,
  };
}

function bodyOf(draft: Draft) {
  return {
    name: draft.name,
    priorities: draft.priorities,
    categoryIds: draft.categoryIds,
    vip: draft.vip === 'any' ? null : draft.vip === 'yes',
    firstResponseMinutes: numberOrNull(draft.targets.firstResponseMinutes),
    nextResponseMinutes: numberOrNull(draft.targets.nextResponseMinutes),
    resolutionMinutes: numberOrNull(draft.targets.resolutionMinutes),
    hours: draft.hours,
  };
}

/** SLA policies: targets by priority, category and VIP, matched in order; added, edited, removed. */
export function SlaPoliciesSettings() {
  const { t } = useTranslation('settings');
  const policies = useAdminList<SlaPolicyView>('/sla/policies');
  const categories = useAdminList<TicketCategoryView>('/ticket-categories');
  const save = useAdminWrite<Draft>(
    (draft) =>
      draft.id
        ? { path: `/sla/policies/${draft.id}`, method: 'PUT', body: bodyOf(draft) }
        : { path: '/sla/policies', method: 'POST', body: bodyOf(draft) },
    ['/sla/policies'],
  );
  const remove = useAdminWrite<string>(
    (id) => ({ path: `/sla/policies/${id}`, method: 'DELETE' }),
    ['/sla/policies'],
  );
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const minutes = (value: number | null) =>
    value === null ? '—' : t('sla.minutesValue', { count: value });
  const anyOr = (names: string[]) => (names.length ? names.join(', ') : t('sla.any'));
  const categoryName = (id: string) =>
    categories.data?.find((category) => category.id === id)?.name ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <>
      <h2>{t('sla.title')}</h2>
      <SettingsTable
        caption={t('sla.title')}
        rows={policies.data}
        columns={[
          { header: t('sla.name'), cell: (policy) => policy.name },
          {
            header: t('sla.matches'),
            cell: (policy) =>
              [
                anyOr(policy.priorities.map((priority) => t(`sla.priorities.${priority}`))),
                anyOr(policy.categoryIds.map(categoryName)),
                t(`sla.vip.${policy.vip === null ? 'any' : policy.vip ? 'yes' : 'no'}`),
              ].join(' · '),
          },
          ...TARGETS.map((target) => ({
            header: t(`sla.${target}`),
            cell: (policy: SlaPolicyView) => minutes(policy[target]),
          })),
          { header: t('sla.hours'), cell: (policy) => t(`sla.${policy.hours}`) },
        ]}
        actions={(policy) => (
          <>
            <button type="button" onClick={() => setDraft(draftOf(policy))}>
              {t('sla.edit', { name: policy.name })}
            </button>
            <button type="button" onClick={() => remove.mutate(policy.id)}>
              {t('sla.delete', { name: policy.name })}
            </button>
          </>
        )}
      />
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="sla-form">
        <h3 id="sla-form">{draft.id ? t('sla.editing', { name: draft.name }) : t('sla.add')}</h3>
        <Field label={t('sla.name')} error={save.error} name="name">
          <input
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </Field>
        <CheckboxGroup
          legend={t('sla.prioritiesLabel')}
          options={PRIORITIES.map((value) => ({ value, label: t(`sla.priorities.${value}`) }))}
          selected={draft.priorities}
          onChange={(priorities) => setDraft({ ...draft, priorities })}
        >
          <FieldErrors messages={fieldMessages(save.error, 'priorities')} />
        </CheckboxGroup>
        {categories.data?.length ? (
          <CheckboxGroup
            legend={t('sla.categories')}
            options={categories.data.map(({ id, name }) => ({ value: id, label: name }))}
            selected={draft.categoryIds}
            onChange={(categoryIds) => setDraft({ ...draft, categoryIds })}
          />
        ) : null}
        <Field label={t('sla.vipLabel')}>
          <select
            value={draft.vip}
            onChange={(e) => setDraft({ ...draft, vip: e.target.value as Draft['vip'] })}
          >
            <option value="any">{t('sla.vip.any')}</option>
            <option value="yes">{t('sla.vip.yes')}</option>
            <option value="no">{t('sla.vip.no')}</option>
          </select>
        </Field>
        <fieldset>
          <legend>{t('sla.targets')}</legend>
          <p className="muted">{t('sla.targetsHint')}</p>
          {TARGETS.map((target) => (
            <Field key={target} label={t(`sla.${target}`)} error={save.error} name={target}>
              <input
                type="number"
                value={draft.targets[target]}
                onChange={(e) =>
                  setDraft({ ...draft, targets: { ...draft.targets, [target]: e.target.value } })
                }
              />
            </Field>
          ))}
        </fieldset>
        <Field label={t('sla.hours')}>
          <select
            value={draft.hours}
            onChange={(e) => setDraft({ ...draft, hours: e.target.value as Draft['hours'] })}
          >
            <option value="business">{t('sla.business')}</option>
            <option value="calendar">{t('sla.calendar')}</option>
          </select>
        </Field>
        <FormFooter
          submit={draft.id ? t('save') : t('sla.submit')}
          pending={save.isPending}
          error={save.error}
          onCancel={draft.id ? () => setDraft(EMPTY) : undefined}
        />
      </form>
    </>
  );
}
