import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminList, useAdminWrite, type AdminDepartment } from '../settings-api';
import { FormError } from './FormError';
import { LanguageSelect, LOCALES } from './LanguageSelect';

interface WebInboxDraft {
  name: string;
  primaryColor: string;
  position: 'right' | 'left';
  launcherText: string;
  greeting: string;
  locales: string[];
  defaultLocale: string;
  departmentIds: string[];
  askEmail: boolean;
}

const EMPTY: WebInboxDraft = {
  name: '',
  primaryColor: '#2563eb',
  position: 'right',
  launcherText: '',
  greeting: '',
  locales: [...LOCALES],
  defaultLocale: 'en',
  departmentIds: [],
  askEmail: false,
};

/** The widget's settings as the admin API takes them (`settings.widget`). */
function widgetOf(draft: WebInboxDraft): Record<string, unknown> {
  const inLocale = (text: string) => (text ? { [draft.defaultLocale]: text } : undefined);
  return {
    primaryColor: draft.primaryColor,
    position: draft.position,
    launcherText: inLocale(draft.launcherText),
    greeting: inLocale(draft.greeting),
    locales: draft.locales,
    defaultLocale: draft.defaultLocale,
    departmentIds: draft.departmentIds,
    preChatForm: {
      enabled: draft.askEmail,
      fields: draft.askEmail ? [{ name: 'email', required: true }] : [],
    },
  };
}

/** A new web inbox: the widget's appearance, greeting, languages, departments and form. */
export function WebInboxForm() {
  const { t } = useTranslation('settings');
  const departments = useAdminList<AdminDepartment>('/departments');
  const create = useAdminWrite<WebInboxDraft>(
    (draft) => ({
      path: '/inboxes',
      method: 'POST',
      body: { channel: 'web', name: draft.name, settings: { widget: widgetOf(draft) } },
    }),
    ['/inboxes'],
  );
  const [draft, setDraft] = useState<WebInboxDraft>(EMPTY);
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="new-web-inbox">
      <h3 id="new-web-inbox">{t('inboxes.addWeb')}</h3>
      <label>
        {t('inboxes.name')}
        <input
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label>
        {t('inboxes.colour')}
        <input
          type="color"
          value={draft.primaryColor}
          onChange={(e) => setDraft({ ...draft, primaryColor: e.target.value })}
        />
      </label>
      <label>
        {t('inboxes.position')}
        <select
          value={draft.position}
          onChange={(e) => setDraft({ ...draft, position: e.target.value as 'right' | 'left' })}
        >
          <option value="right">{t('inboxes.right')}</option>
          <option value="left">{t('inboxes.left')}</option>
        </select>
      </label>
      <label>
        {t('inboxes.launcherText')}
        <input
          value={draft.launcherText}
          onChange={(e) => setDraft({ ...draft, launcherText: e.target.value })}
        />
      </label>
      <label>
        {t('inboxes.greeting')}
        <textarea
          value={draft.greeting}
          onChange={(e) => setDraft({ ...draft, greeting: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('inboxes.languages')}</legend>
        {LOCALES.map((locale) => (
          <label key={locale} className="checkbox">
            <input
              type="checkbox"
              checked={draft.locales.includes(locale)}
              onChange={(e) =>
                setDraft({ ...draft, locales: toggle(draft.locales, locale, e.target.checked) })
              }
            />
            {t(`languages.${locale}`)}
          </label>
        ))}
      </fieldset>
      <LanguageSelect
        label={t('inboxes.defaultLanguage')}
        value={draft.defaultLocale}
        onChange={(defaultLocale) => setDraft({ ...draft, defaultLocale })}
      />
      <fieldset>
        <legend>{t('inboxes.departmentsOffered')}</legend>
        {(departments.data ?? []).map((department) => (
          <label key={department.id} className="checkbox">
            <input
              type="checkbox"
              checked={draft.departmentIds.includes(department.id)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  departmentIds: toggle(draft.departmentIds, department.id, e.target.checked),
                })
              }
            />
            {department.name}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.askEmail}
          onChange={(e) => setDraft({ ...draft, askEmail: e.target.checked })}
        />
        {t('inboxes.askEmail')}
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('inboxes.submitWeb')}
      </button>
      <FormError error={create.error} />
    </form>
  );
}
