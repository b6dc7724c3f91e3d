import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { LOCALES } from '../locales';

/** A labelled choice of one of LOCALES, each named in the admin's language. */
export function LanguageSelect(props: {
  label: string;
  value: string;
  onChange: (locale: string) => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <Field label={props.label}>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}
