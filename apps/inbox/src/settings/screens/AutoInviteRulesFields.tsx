import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, fieldMessages } from '../../ui/Field';
import { useOfferedLanguages } from './offered-languages';
import type { AutoInviteDraft } from './web-inbox-draft';

const RULES = 'settings.widget.autoInvite';

const NEW_RULE: Omit<AutoInviteDraft, 'id'> = {
  message: {},
  secondsOnPage: '30',
  urlPattern: '',
  minPagesViewed: '',
};

/**
 * The widget's auto-invite rules: each pops its message when all its conditions hold, in the
 * visitor's language (one field per language offered; the default language's is required).
 */
export function AutoInviteRulesFields(props: {
  rules: AutoInviteDraft[];
  onChange: (rules: AutoInviteDraft[]) => void;
  offered: readonly string[];
  defaultLocale: string;
  /** The refused write: each rule's refused fields are marked beside them. */
  error: unknown;
}) {
  const { t } = useTranslation('settings');
  const languages = useOfferedLanguages(props.offered, props.defaultLocale);
  const change = (index: number, patch: Partial<AutoInviteDraft>) =>
    props.onChange(props.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <fieldset>
      <legend>{t('inboxes.autoInvite')}</legend>
      <p className="muted">{t('inboxes.autoInviteHint')}</p>
      {/* The rules as a whole: a message lacking the default language's text. */}
      <FieldErrors messages={fieldMessages(props.error, RULES, { exact: true })} />
      {props.rules.map((rule, index) => (
        <fieldset key={rule.id} className="rule">
          <legend>{t('inboxes.rule', { number: index + 1 })}</legend>
          {languages.map(({ locale, language, defaultMark }) => (
            <Field
              key={locale}
              label={`${t('inboxes.ruleMessageIn', { language })}${defaultMark}`}
              error={props.error}
              name={`${RULES}.${index}.message.${locale}`}
            >
              <input
                lang={locale}
                required={locale === props.defaultLocale}
                value={rule.message[locale] ?? ''}
                onChange={(e) =>
                  change(index, { message: { ...rule.message, [locale]: e.target.value } })
                }
              />
            </Field>
          ))}
          <Field
            label={t('inboxes.ruleSeconds')}
            error={props.error}
            name={`${RULES}.${index}.secondsOnPage`}
          >
            <input
              type="number"
              value={rule.secondsOnPage}
              onChange={(e) => change(index, { secondsOnPage: e.target.value })}
            />
          </Field>
          <Field
            label={t('inboxes.ruleUrl')}
            hint={t('inboxes.ruleUrlHint')}
            error={props.error}
            name={`${RULES}.${index}.urlPattern`}
          >
            <input
              value={rule.urlPattern}
              onChange={(e) => change(index, { urlPattern: e.target.value })}
            />
          </Field>
          <Field
            label={t('inboxes.rulePages')}
            error={props.error}
            name={`${RULES}.${index}.minPagesViewed`}
          >
            <input
              type="number"
              value={rule.minPagesViewed}
              onChange={(e) => change(index, { minPagesViewed: e.target.value })}
            />
          </Field>
          <button
            type="button"
            onClick={() => props.onChange(props.rules.filter((_, i) => i !== index))}
          >
            {t('inboxes.removeRule', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => props.onChange([...props.rules, { id: crypto.randomUUID(), ...NEW_RULE }])}
      >
        {t('inboxes.addRule')}
      </button>
    </fieldset>
  );
}
