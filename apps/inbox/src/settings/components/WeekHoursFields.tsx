import { useTranslation } from 'react-i18next';
import { Field, FieldErrors } from '../../ui/Field';
import { WEEKDAYS, type WeekText } from './week-hours';

/** A week's opening hours, one field per day, with the hub's refusal of the week under them. */
export function WeekHoursFields(props: {
  value: WeekText;
  onChange: (week: WeekText) => void;
  errors: string[];
}) {
  const { t } = useTranslation('settings');
  return (
    <fieldset className="week-hours">
      <legend>{t('hours.week')}</legend>
      <p className="muted">{t('hours.weekHint')}</p>
      <FieldErrors messages={props.errors} />
      {WEEKDAYS.map((day) => (
        <Field key={day} label={t(`hours.days.${day}`)}>
          <input
            value={props.value[day]}
            onChange={(e) => props.onChange({ ...props.value, [day]: e.target.value })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
