import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminWrite } from '../settings-api';
import { FormError } from './FormError';

interface EmailInboxDraft {
  name: string;
  address: string;
  displayName: string;
  signature: string;
  relayHost: string;
  relayPort: string;
  relaySecure: boolean;
  relayUser: string;
  relayPassword: string;
}

const EMPTY: EmailInboxDraft = {
  name: '',
  address: '',
  displayName: '',
  signature: '',
  relayHost: '',
  relayPort: '587',
  relaySecure: false,
  relayUser: '',
  relayPassword: '',
};

/** The settings body of an email inbox; without a relay host the hub's relay is used. */
function settingsOf(draft: EmailInboxDraft): Record<string, unknown> {
  const relay = draft.relayHost
    ? {
        host: draft.relayHost,
        port: Number(draft.relayPort),
        secure: draft.relaySecure,
        ...(draft.relayUser ? { user: draft.relayUser } : {}),
      }
    : null;
  return {
    email: {
      address: draft.address,
      displayName: draft.displayName || null,
      signature: draft.signature || null,
      relay,
    },
    ...(draft.relayPassword ? { relayPassword: draft.relayPassword } : {}),
  };
}

/** A new email inbox: its address, name, signature and (optionally) its own relay. */
export function EmailInboxForm() {
  const { t } = useTranslation('settings');
  const create = useAdminWrite<EmailInboxDraft>(
    (draft) => ({
      path: '/inboxes',
      method: 'POST',
      body: { channel: 'email', name: draft.name, settings: settingsOf(draft) },
    }),
    ['/inboxes'],
  );
  const [draft, setDraft] = useState<EmailInboxDraft>(EMPTY);
  const field = (key: keyof EmailInboxDraft, label: string, type = 'text', required = false) => (
    <label>
      {t(label)}
      <input
        type={type}
        required={required}
        value={String(draft[key])}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="new-email-inbox">
      <h3 id="new-email-inbox">{t('inboxes.addEmail')}</h3>
      {field('name', 'inboxes.name', 'text', true)}
      {field('address', 'inboxes.address', 'email', true)}
      {field('displayName', 'inboxes.displayName')}
      <label>
        {t('inboxes.signature')}
        <textarea
          value={draft.signature}
          onChange={(e) => setDraft({ ...draft, signature: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('inboxes.relay')}</legend>
        {field('relayHost', 'inboxes.relayHost')}
        {field('relayPort', 'inboxes.relayPort', 'number')}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.relaySecure}
            onChange={(e) => setDraft({ ...draft, relaySecure: e.target.checked })}
          />
          {t('inboxes.relaySecure')}
        </label>
        {field('relayUser', 'inboxes.relayUser')}
        {field('relayPassword', 'inboxes.relayPassword', 'password')}
      </fieldset>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('inboxes.submitEmail')}
      </button>
      <FormError error={create.error} />
    </form>
  );
}
