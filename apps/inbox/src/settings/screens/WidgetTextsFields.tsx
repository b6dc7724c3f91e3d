import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { useOfferedLanguages } from './offered-languages';
import type { LocaleTexts } from './web-inbox-draft';

const WIDGET = 'settings.widget';

/**
 * The widget's texts for visitors, one group per language the inbox offers: a visitor reads
 * those of their language, else those of the default one (left empty there: the widget's own).
 */
export function WidgetTextsFields(props: {
  offered: readonly string[];
  defaultLocale: string;
  launcherText: LocaleTexts;
  greeting: LocaleTexts;
  onChange: (texts: { launcherText: LocaleTexts; greeting: LocaleTexts }) => void;
  error: unknown;
}) {
  const { t } = useTranslation('settings');
  const { launcherText, greeting } = props;
  const languages = useOfferedLanguages(props.offered, props.defaultLocale);
  return (
    <>
      {languages.map(({ locale, language, defaultMark }) => (
        <fieldset key={locale} lang={locale} className="locale-texts">
          <legend>
            {t('inboxes.textsIn', { language })}
            {defaultMark}
          </legend>
          <Field
            label={t('inboxes.launcherText')}
            error={props.error}
            name={`${WIDGET}.launcherText`}
          >
            <input
              value={launcherText[locale] ?? ''}
              onChange={(e) =>
                props.onChange({
                  launcherText: { ...launcherText, [locale]: e.target.value },
                  greeting,
                })
              }
            />
          </Field>
          <Field label={t('inboxes.greeting')} error={props.error} name={`${WIDGET}.greeting`}>
            <textarea
              value={greeting[locale] ?? ''}
              onChange={(e) =>
                props.onChange({
                  launcherText,
                  greeting: { ...greeting, [locale]: e.target.value },
                })
              }
            />
          </Field>
        </fieldset>
      ))}
    </>
  );
}
