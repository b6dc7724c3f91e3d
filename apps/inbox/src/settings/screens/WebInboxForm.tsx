import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, fieldMessages } from '../../ui/Field';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { WeekHoursFields } from '../components/WeekHoursFields';
import { LOCALES } from '../locales';
import {
  useAdminList,
  useAdminWrite,
  type AdminDepartment,
  type AdminInbox,
} from '../settings-api';
import { AutoInviteRulesFields } from './AutoInviteRulesFields';
import { FormFooter } from '../components/FormFooter';
import { LanguageSelect } from './LanguageSelect';
import {
  EMPTY_WEB_INBOX,
  PRE_CHAT_FIELDS,
  webInboxDraftOf,
  widgetOf,
  type PreChatAsk,
  type WebInboxDraft,
} from './web-inbox-draft';

const WIDGET = 'settings.widget';
const widgetOfInbox = (inbox: AdminInbox | undefined) =>
  (inbox?.settings.widget as Record<string, unknown> | undefined) ?? {};

/**
 * A web inbox, new or (given `inbox`) existing: the widget's appearance, greeting, languages,
 * departments, pre-chat form, auto-invite rules and opening hours.
 */
export function WebInboxForm({ inbox, onDone }: { inbox?: AdminInbox; onDone?: () => void }) {
  const { t } = useTranslation('settings');
  const departments = useAdminList<AdminDepartment>('/departments');
  const save = useAdminWrite<WebInboxDraft>(
    (draft) => {
      const body = {
        name: draft.name,
        settings: { ...inbox?.settings, widget: widgetOf(draft, widgetOfInbox(inbox)) },
      };
      return inbox
        ? { path: `/inboxes/${inbox.id}`, method: 'PATCH', body }
        : { path: '/inboxes', method: 'POST', body: { channel: 'web', ...body } };
    },
    ['/inboxes'],
  );
  const [draft, setDraft] = useState<WebInboxDraft>(() =>
    inbox ? webInboxDraftOf(inbox.name, widgetOfInbox(inbox)) : EMPTY_WEB_INBOX,
  );
  const errorsOf = (field: string) => fieldMessages(save.error, `${WIDGET}.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onSuccess: () => {
        if (!inbox) setDraft(EMPTY_WEB_INBOX);
        onDone?.();
      },
    });
  };
  const titleId = inbox ? `edit-inbox-${inbox.id}` : 'new-web-inbox';

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {inbox ? t('inboxes.editing', { name: inbox.name }) : t('inboxes.addWeb')}
      </h3>
      <Field label={t('inboxes.name')} error={save.error} name="name">
        <input
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </Field>
      <Field label={t('inboxes.colour')} error={save.error} name={`${WIDGET}.primaryColor`}>
        <input
          type="color"
          value={draft.primaryColor}
          onChange={(e) => setDraft({ ...draft, primaryColor: e.target.value })}
        />
      </Field>
      <Field label={t('inboxes.position')}>
        <select
          value={draft.position}
          onChange={(e) => setDraft({ ...draft, position: e.target.value as 'right' | 'left' })}
        >
          <option value="right">{t('inboxes.right')}</option>
          <option value="left">{t('inboxes.left')}</option>
        </select>
      </Field>
      <Field label={t('inboxes.launcherText')} error={save.error} name={`${WIDGET}.launcherText`}>
        <input
          value={draft.launcherText}
          onChange={(e) => setDraft({ ...draft, launcherText: e.target.value })}
        />
      </Field>
      <Field label={t('inboxes.greeting')} error={save.error} name={`${WIDGET}.greeting`}>
        <textarea
          value={draft.greeting}
          onChange={(e) => setDraft({ ...draft, greeting: e.target.value })}
        />
      </Field>
      <CheckboxGroup
        legend={t('inboxes.languages')}
        options={LOCALES.map((value) => ({ value, label: t(`languages.${value}`) }))}
        selected={draft.locales}
        onChange={(locales) => setDraft({ ...draft, locales })}
      />
      <LanguageSelect
        label={t('inboxes.defaultLanguage')}
        value={draft.defaultLocale}
        onChange={(defaultLocale) => setDraft({ ...draft, defaultLocale })}
      />
      <CheckboxGroup
        legend={t('inboxes.departmentsOffered')}
        options={(departments.data ?? []).map(({ id, name }) => ({ value: id, label: name }))}
        selected={draft.departmentIds}
        onChange={(departmentIds) => setDraft({ ...draft, departmentIds })}
      />
      <fieldset>
        <legend>{t('inboxes.preChat')}</legend>
        {PRE_CHAT_FIELDS.map((field) => (
          <Field key={field} label={t(`inboxes.preChatFields.${field}`)}>
            <select
              value={draft.preChat[field]}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  preChat: { ...draft.preChat, [field]: e.target.value as PreChatAsk },
                })
              }
            >
              <option value="off">{t('inboxes.ask.off')}</option>
              <option value="optional">{t('inboxes.ask.optional')}</option>
              <option value="required">{t('inboxes.ask.required')}</option>
            </select>
          </Field>
        ))}
      </fieldset>
      <AutoInviteRulesFields
        rules={draft.autoInvite}
        onChange={(autoInvite) => setDraft({ ...draft, autoInvite })}
        errors={errorsOf('autoInvite')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.ownHours}
          onChange={(e) => setDraft({ ...draft, ownHours: e.target.checked })}
        />
        {t('inboxes.ownHours')}
      </label>
      {draft.ownHours ? (
        <>
          <Field
            label={t('hours.timeZone')}
            error={save.error}
            name={`${WIDGET}.businessHours.timeZone`}
          >
            <input
              required
              value={draft.hoursTimeZone}
              onChange={(e) => setDraft({ ...draft, hoursTimeZone: e.target.value })}
            />
          </Field>
          <WeekHoursFields
            value={draft.hoursWeek}
            onChange={(hoursWeek) => setDraft({ ...draft, hoursWeek })}
            errors={errorsOf('businessHours.week')}
          />
        </>
      ) : null}
      <FormFooter
        submit={inbox ? t('save') : t('inboxes.submitWeb')}
        pending={save.isPending}
        error={save.error}
        onCancel={onDone}
      />
    </form>
  );
}
