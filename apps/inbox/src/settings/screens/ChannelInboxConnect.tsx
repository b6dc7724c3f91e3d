import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { FormError } from '../components/FormError';
import { useAdminRead, useAdminWrite, type AdminInbox } from '../settings-api';
import type { FormChannel } from './channel-inbox-fields';

interface WebhookEndpoint {
  url: string | null;
  verifyToken: string | null;
}

/** How to connect an existing social or API inbox to its platform or integration. */
export function ChannelInboxConnect({
  channel,
  inbox,
}: {
  channel: FormChannel;
  inbox: AdminInbox;
}) {
  const { t } = useTranslation('settings');
  const titleId = `connect-inbox-${inbox.id}`;
  return (
    <section className="settings-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('inboxes.connect', { name: inbox.name })}</h3>
      {channel === 'api' ? <ApiEndpoint inbox={inbox} /> : <PlatformWebhook inbox={inbox} />}
      {channel === 'telegram' ? <RegisterTelegramWebhook inbox={inbox} /> : null}
      {channel === 'api' ? <RotateSigningSecret inbox={inbox} /> : null}
    </section>
  );
}

/** A value to copy into another system: read-only, wrapped whole, selected whole on focus. */
function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Field label={label} hint={hint}>
      <textarea
        className="code copy-value"
        readOnly
        rows={Math.ceil(value.length / 48)}
        value={value}
        onFocus={(e) => e.target.select()}
      />
    </Field>
  );
}

function PlatformWebhook({ inbox }: { inbox: AdminInbox }) {
  const { t } = useTranslation('settings');
  const endpoint = useAdminRead<WebhookEndpoint>(`/inboxes/${inbox.id}/webhook`);
  if (endpoint.error) return <FormError error={endpoint.error} />;
  if (!endpoint.data) return null;
  const { url, verifyToken } = endpoint.data;
  return (
    <>
      {url ? (
        <CopyField label={t('inboxes.webhookUrl')} value={url} hint={t('inboxes.webhookHint')} />
      ) : (
        <p className="form-error">{t('inboxes.webhookUnset')}</p>
      )}
      {verifyToken ? <CopyField label={t('inboxes.verifyToken')} value={verifyToken} /> : null}
    </>
  );
}

function ApiEndpoint({ inbox }: { inbox: AdminInbox }) {
  const { t } = useTranslation('settings');
  // The inbox app is served by the gateway, whose origin also takes the integrators' messages.
  const url = new URL(`/api/v1/inboxes/${inbox.id}/messages`, window.location.origin).href;
  return <CopyField label={t('inboxes.apiEndpoint')} value={url} hint={t('inboxes.apiHint')} />;
}

function RegisterTelegramWebhook({ inbox }: { inbox: AdminInbox }) {
  const { t } = useTranslation('settings');
  const register = useAdminWrite<void, { url: string }>(
    () => ({ path: `/inboxes/${inbox.id}/telegram/webhook`, method: 'POST' }),
    [],
  );
  return (
    <div>
      <button type="button" disabled={register.isPending} onClick={() => register.mutate()}>
        {t('inboxes.registerTelegram')}
      </button>
      {register.data ? (
        <p role="status">{t('inboxes.telegramRegistered', { url: register.data.url })}</p>
      ) : null}
      <FormError error={register.error} />
    </div>
  );
}

interface RotatedSecret {
  signingSecret: string;
  previousSecretExpiresAt: string | null;
}

function RotateSigningSecret({ inbox }: { inbox: AdminInbox }) {
  const { t, i18n } = useTranslation('settings');
  const rotate = useAdminWrite<void, RotatedSecret>(
    () => ({ path: `/inboxes/${inbox.id}/rotate-secret`, method: 'POST', body: {} }),
    ['/inboxes'],
  );
  // Shown once: kept in this component only, gone when the admin leaves the form.
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);
  const until = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <div>
      <p className="muted field-hint">{t('inboxes.rotateHint')}</p>
      <button
        type="button"
        disabled={rotate.isPending}
        onClick={() => rotate.mutate(undefined, { onSuccess: setRotated })}
      >
        {t('inboxes.rotateSecret')}
      </button>
      {rotated ? (
        <div role="status">
          <CopyField
            label={t('inboxes.newSecret')}
            value={rotated.signingSecret}
            hint={
              rotated.previousSecretExpiresAt
                ? t('inboxes.newSecretOverlap', { until: until(rotated.previousSecretExpiresAt) })
                : t('inboxes.newSecretOnce')
            }
          />
        </div>
      ) : null}
      <FormError error={rotate.error} />
    </div>
  );
}
