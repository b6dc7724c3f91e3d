import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useHub } from '../api/HubProvider';
import { dateTimeText } from '../ui/time-text';
import { customerKey } from './customer-keys';
import type { CustomerChange, CustomerView, OrderView } from './types';

const FIELDS = ['name', 'email', 'phone', 'company'] as const;

/** Who the customer is: profile (editable), identities on every channel, attributes, orders. */
export function CustomerProfile({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation('customers');
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="customer-name">
      <header className="detail-header">
        <h2 id="customer-name">
          {customer.name ?? t('anonymous')}{' '}
          {customer.vip && <span className="badge badge-at_risk">{t('vip')}</span>}
        </h2>
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        )}
      </header>
      {editing ? (
        <ProfileForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
        <dl className="facts">
          {FIELDS.filter((field) => field !== 'name').map((field) => (
            <Fact key={field} label={t(`field.${field}`)} value={customer[field]} />
          ))}
        </dl>
      )}
      {customer.tags.length > 0 && (
        <div className="tag-list" aria-label={t('tags')}>
          {customer.tags.map((tag) => (
            <span key={tag} className="badge">
              {tag}
            </span>
          ))}
        </div>
      )}
      <h3>{t('identities')}</h3>
      <ul>
        {customer.identities.map((identity) => (
          <li key={identity.id}>
            <span className="badge">{identity.channel}</span> {identity.externalId}
            {identity.verified && <span className="muted small"> · {t('verified')}</span>}
          </li>
        ))}
      </ul>
      {Object.keys(customer.attributes).length > 0 && (
        <>
          <h3>{t('attributes')}</h3>
          <dl className="facts">
            {Object.entries(customer.attributes).map(([key, value]) => (
              <Fact key={key} label={key} value={attributeText(value)} />
            ))}
          </dl>
        </>
      )}
      <Orders customerId={customer.id} />
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
}

function attributeText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ProfileForm({ customer, onDone }: { customer: CustomerView; onDone: () => void }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const client = useQueryClient();
  const [values, setValues] = useState(() =>
    Object.fromEntries(FIELDS.map((field) => [field, customer[field] ?? ''])),
  );
  const [vip, setVip] = useState(customer.vip);
  const save = useMutation({
    mutationFn: () => {
      const change: CustomerChange = { vip };
      for (const field of FIELDS) change[field] = values[field].trim() || null;
      return http.request<CustomerView>(`/customers/${customer.id}`, {
        method: 'PATCH',
        body: change,
      });
    },
    onSuccess: (saved) => {
      client.setQueryData(customerKey(customer.id), saved);
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : [];
  return (
    <form className="stack-form" onSubmit={submit} aria-label={t('editProfile')}>
      {FIELDS.map((field) => (
        <label key={field}>
          {t(`field.${field}`)}
          <input
            value={values[field]}
            type={field === 'email' ? 'email' : 'text'}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        </label>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={vip} onChange={(event) => setVip(event.target.checked)} />
        {t('vip')}
      </label>
      <div className="filters">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
      {save.isError && (
        <p role="alert" className="form-error">
          {fieldErrors.length > 0
            ? fieldErrors
                .map((error) => t(`field.${error.field}`, { defaultValue: error.field }))
                .join(', ')
            : t('saveFailed')}
        </p>
      )}
    </form>
  );
}

function Orders({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('customers');
  const { http } = useHub();
  const orders = useQuery({
    queryKey: [...customerKey(customerId), 'orders'],
    queryFn: ({ signal }) =>
      http.get<OrderView[]>(`/customers/${customerId}/orders`, undefined, signal),
  });
  const money = (order: OrderView) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency: order.currency }).format(
      order.totalCents / 100,
    );
  return (
    <>
      <h3>{t('orders')}</h3>
      {orders.data?.length === 0 && <p className="muted">{t('noOrders')}</p>}
      <ul>
        {(orders.data ?? []).slice(0, 10).map((order) => (
          <li key={order.id}>
            {order.externalId} · {money(order)} · {order.status}{' '}
            <span className="muted small">{dateTimeText(order.orderedAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
