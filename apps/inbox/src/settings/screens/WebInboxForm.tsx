import { useTranslation } from 'react-i18next';
import { Field, fieldMessages } from '../../ui/Field';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { WeekHoursFields } from '../components/WeekHoursFields';
import { LOCALES } from '../locales';
import { useAdminList, type AdminDepartment, type AdminInbox } from '../settings-api';
import { AutoInviteRulesFields } from './AutoInviteRulesFields';
import { InboxFormFrame, useInboxForm } from './InboxFormFrame';
import { LanguageSelect } from './LanguageSelect';
import { WidgetTextsFields } from './WidgetTextsFields';
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
  const { draft, setDraft, save, frame } = useInboxForm<WebInboxDraft>({
    channel: 'web',
    inbox,
    initial: () => (inbox ? webInboxDraftOf(inbox.name, widgetOfInbox(inbox)) : EMPTY_WEB_INBOX),
    emptied: (saved) => (inbox ? saved : EMPTY_WEB_INBOX),
    bodyOf: (saved) => ({
      name: saved.name,
      settings: { ...inbox?.settings, widget: widgetOf(saved, widgetOfInbox(inbox)) },
    }),
    onSaved: () => onDone?.(),
  });
  const errorsOf = (field: string) => fieldMessages(save.error, `${WIDGET}.${field}`);

  return (
    <InboxFormFrame
      {...frame}
      newTitle={t('inboxes.addWeb')}
      newSubmit={t('inboxes.submitWeb')}
      newId="new-web-inbox"
      onDone={onDone}
    >
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
      <WidgetTextsFields
        offered={draft.locales}
        defaultLocale={draft.defaultLocale}
        launcherText={draft.launcherText}
        greeting={draft.greeting}
        onChange={(texts) => setDraft({ ...draft, ...texts })}
        error={save.error}
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
        offered={draft.locales}
        defaultLocale={draft.defaultLocale}
        error={save.error}
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
    </InboxFormFrame>
  );
}
