import { useTranslation } from 'react-i18next';
import { Field, FieldErrors } from '../../ui/Field';
import type { AutoInviteDraft } from './web-inbox-draft';

const NEW_RULE: Omit<AutoInviteDraft, 'id'> = {
  message: '',
  secondsOnPage: '30',
  urlPattern: '',
  minPagesViewed: '',
};

/** The widget's auto-invite rules: each pops its message when all its conditions hold. */
export function AutoInviteRulesFields(props: {
  rules: AutoInviteDraft[];
  onChange: (rules: AutoInviteDraft[]) => void;
  errors: string[];
}) {
  const { t } = useTranslation('settings');
  const change = (index: number, patch: Partial<AutoInviteDraft>) =>
    props.onChange(props.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <fieldset>
      <legend>{t('inboxes.autoInvite')}</legend>
      <p className="muted">{t('inboxes.autoInviteHint')}</p>
      <FieldErrors messages={props.errors} />
      {props.rules.map((rule, index) => (
        <fieldset key={rule.id} className="rule">
          <legend>{t('inboxes.rule', { number: index + 1 })}</legend>
          <Field label={t('inboxes.ruleMessage')}>
            <input
              required
              value={rule.message}
              onChange={(e) => change(index, { message: e.target.value })}
            />
          </Field>
          <Field label={t('inboxes.ruleSeconds')}>
            <input
              type="number"
              value={rule.secondsOnPage}
              onChange={(e) => change(index, { secondsOnPage: e.target.value })}
            />
          </Field>
          <Field label={t('inboxes.ruleUrl')} hint={t('inboxes.ruleUrlHint')}>
            <input
              value={rule.urlPattern}
              onChange={(e) => change(index, { urlPattern: e.target.value })}
            />
          </Field>
          <Field label={t('inboxes.rulePages')}>
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
