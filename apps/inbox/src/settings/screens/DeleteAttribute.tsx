import type { AttributeDefinitionView } from '@hub/contracts';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { useAdminWrite } from '../settings-api';

interface Deleted {
  valuesRemoved: number;
}

/**
 * Asks before deleting a custom attribute, saying that every customer's value of it goes too;
 * `onDone` gets what was removed (null: kept).
 */
export function DeleteAttribute(props: {
  attribute: AttributeDefinitionView;
  onDone: (outcome: string | null) => void;
}) {
  const { t } = useTranslation('settings');
  const { attribute } = props;
  const remove = useAdminWrite<void, Deleted>(
    () => ({ path: `/customer-attributes/${attribute.id}`, method: 'DELETE' }),
    ['/customer-attributes'],
  );
  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: ({ valuesRemoved }) =>
        props.onDone(t('attributes.deleted', { key: attribute.key, count: valuesRemoved })),
    });
  const titleId = `delete-attribute-${attribute.id}`;
  return (
    <section className="settings-form" role="alertdialog" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('attributes.deleting', { key: attribute.key })}</h3>
      <p>{t('attributes.deleteWarning')}</p>
      <div className="form-buttons">
        <button type="button" className="danger" disabled={remove.isPending} onClick={confirm}>
          {t('attributes.confirmDelete', { key: attribute.key })}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t('cancel')}
        </button>
      </div>
      <FormError error={remove.error} />
    </section>
  );
}
