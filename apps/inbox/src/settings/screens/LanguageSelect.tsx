import { useTranslation } from 'react-i18next';

/** The languages of the inbox and the widget, in the order the settings list them. */
export const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;

/** A labelled choice of one of LOCALES, each named in the admin's language. */
export function LanguageSelect(props: {
  label: string;
  value: string;
  onChange: (locale: string) => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
