import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

/** A settings form's last row: its submit button, cancel while editing, and the hub's refusal. */
export function FormFooter(props: {
  submit: string;
  pending: boolean;
  error: unknown;
  /** Given while an existing item is edited: leaves the form without saving. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={props.pending}>
          {props.submit}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
      <FormError error={props.error} />
    </>
  );
}
