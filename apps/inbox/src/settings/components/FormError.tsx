import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';

/** A refused write, said in the agent's language by its error code (the hub's message else). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation('settings');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return (
    <p className="form-error" role="alert">
      {t(`errors.${code}`, { defaultValue: t('errors.UNKNOWN') })}
    </p>
  );
}
