import type { MessageKey } from '../i18n/catalogues';
import { useWidget } from './widget-context';

interface TextFieldProps {
  label: MessageKey;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  multiline?: boolean;
  error?: MessageKey | null;
  autoComplete?: string;
}

/** A labelled text box (its visible label is its accessible name) with its error below. */
export function TextField(props: TextFieldProps) {
  const { t } = useWidget();
  const common = {
    class: 'input',
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    onInput: (event: Event) => props.onInput((event.target as HTMLInputElement).value),
  };
  return (
    <label class="field">
      <span class="field-label">
        {t(props.label)}
        {props.required && <span aria-hidden="true"> *</span>}
      </span>
      {props.multiline ? (
        <textarea {...common} rows={4} maxLength={5000} />
      ) : (
        <input
          {...common}
          list={undefined}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          maxLength={200}
        />
      )}
      {props.error && <span class="field-error">{t(props.error)}</span>}
    </label>
  );
}

export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
