import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessHoursView } from '@hub/contracts';
import { Field, fieldMessages } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import {
  CLOSED_WEEK,
  intervalsText,
  WEEKDAYS,
  weekOf,
  weekText,
  type WeekText,
} from '../components/week-hours';
import { WeekHoursFields } from '../components/WeekHoursFields';
import { listOf } from '../form-values';
import { useAdminList, useAdminWrite, type AdminDepartment } from '../settings-api';
import { FormError } from '../components/FormError';
import { FormFooter } from '../components/FormFooter';

/** The workspace's own hours, in the scope select. */
const WORKSPACE = 'workspace';

interface Draft {
  scope: string;
  timeZone: string;
  week: WeekText;
  holidays: string;
}

function draftOf(view: BusinessHoursView): Draft {
  return {
    scope: view.departmentId ?? WORKSPACE,
    timeZone: view.timeZone,
    week: weekText(view.week),
    holidays: view.holidays.join('\n'),
  };
}

function bodyOf(draft: Draft) {
  return {
    timeZone: draft.timeZone.trim(),
    week: weekOf(draft.week),
    holidays: listOf(draft.holidays),
  };
}

const pathOf = (scope: string) =>
  scope === WORKSPACE ? '/business-hours/workspace' : `/business-hours/departments/${scope}`;

/** Business hours and holidays: the workspace's, and a department's own that replace them. */
export function BusinessHoursSettings() {
  const { t } = useTranslation('settings');
  const hours = useAdminList<BusinessHoursView>('/business-hours');
  const departments = useAdminList<AdminDepartment>('/departments');
  const save = useAdminWrite<Draft>(
    (draft) => ({ path: pathOf(draft.scope), method: 'PUT', body: bodyOf(draft) }),
    ['/business-hours'],
  );
  const remove = useAdminWrite<string>(
    (scope) => ({ path: pathOf(scope), method: 'DELETE' }),
    ['/business-hours'],
  );
  const [draft, setDraft] = useState<Draft>({
    scope: WORKSPACE,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    week: CLOSED_WEEK,
    holidays: '',
  });
  const scopeName = (departmentId: string | null) =>
    departmentId === null
      ? t('hours.workspace')
      : (departments.data?.find((department) => department.id === departmentId)?.name ??
        departmentId);
  const rows = (hours.data ?? []).map((view) => ({ ...view, id: view.departmentId ?? WORKSPACE }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <>
      <h2>{t('hours.title')}</h2>
      <SettingsTable
        caption={t('hours.title')}
        rows={rows}
        columns={[
          { header: t('hours.scope'), cell: (row) => scopeName(row.departmentId) },
          { header: t('hours.timeZone'), cell: (row) => row.timeZone },
          {
            header: t('hours.week'),
            cell: (row) =>
              WEEKDAYS.filter((day) => row.week[day]?.length)
                .map((day) => `${t(`hours.days.${day}`)} ${intervalsText(row.week[day])}`)
                .join('; '),
          },
          { header: t('hours.holidays'), cell: (row) => row.holidays.join(', ') },
        ]}
        actions={(row) => (
          <>
            <button type="button" onClick={() => setDraft(draftOf(row))}>
              {t('hours.edit', { scope: scopeName(row.departmentId) })}
            </button>
            <button type="button" onClick={() => remove.mutate(row.id)}>
              {t('hours.remove', { scope: scopeName(row.departmentId) })}
            </button>
          </>
        )}
      />
      <FormError error={remove.error} />

      <form className="settings-form" onSubmit={submit} aria-labelledby="set-hours">
        <h3 id="set-hours">{t('hours.set')}</h3>
        <Field label={t('hours.scope')}>
          <select
            value={draft.scope}
            onChange={(e) => setDraft({ ...draft, scope: e.target.value })}
          >
            <option value={WORKSPACE}>{t('hours.workspace')}</option>
            {(departments.data ?? []).map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('hours.timeZone')} error={save.error} name="timeZone">
          <input
            required
            value={draft.timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
          />
        </Field>
        <WeekHoursFields
          value={draft.week}
          onChange={(week) => setDraft({ ...draft, week })}
          errors={fieldMessages(save.error, 'week')}
        />
        <Field
          label={t('hours.holidays')}
          hint={t('hours.holidaysHint')}
          error={save.error}
          name="holidays"
        >
          <textarea
            rows={3}
            value={draft.holidays}
            onChange={(e) => setDraft({ ...draft, holidays: e.target.value })}
          />
        </Field>
        <FormFooter submit={t('save')} pending={save.isPending} error={save.error} />
        {save.isSuccess ? <p role="status">{t('saved')}</p> : null}
      </form>
    </>
  );
}
