import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { AdminInbox } from '../settings-api';
import { InboxFormFrame, useInboxForm } from './InboxFormFrame';

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

interface StoredEmail {
  address?: string;
  displayName?: string | null;
  signature?: string | null;
  relay?: { host: string; port: number; secure: boolean; user?: string } | null;
}

function draftOf(inbox: AdminInbox): EmailInboxDraft {
  const email = (inbox.settings.email ?? {}) as StoredEmail;
  return {
    ...EMPTY,
    name: inbox.name,
    address: email.address ?? '',
    displayName: email.displayName ?? '',
    signature: email.signature ?? '',
    relayHost: email.relay?.host ?? '',
    relayPort: String(email.relay?.port ?? EMPTY.relayPort),
    relaySecure: email.relay?.secure ?? false,
    relayUser: email.relay?.user ?? '',
  };
}

/**
 * The settings body of an email inbox; without a relay host the hub's relay is used. A password
 * left empty keeps the stored one.
 */
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

const EMAIL = 'settings.email';

/** An email inbox, new or (given `inbox`) existing: address, name, signature, its own relay. */
export function EmailInboxForm({ inbox, onDone }: { inbox?: AdminInbox; onDone?: () => void }) {
  const { t } = useTranslation('settings');
  const { draft, setDraft, save, frame } = useInboxForm<EmailInboxDraft>({
    channel: 'email',
    inbox,
    initial: () => (inbox ? draftOf(inbox) : EMPTY),
    emptied: (saved) => (inbox ? saved : EMPTY),
    bodyOf: (saved) => ({ name: saved.name, settings: settingsOf(saved) }),
    onSaved: () => onDone?.(),
  });
  const field = (key: keyof EmailInboxDraft, name: string, type = 'text', required = false) => (
    <Field label={t(`inboxes.${key}`)} error={save.error} name={name}>
      <input
        type={type}
        required={required}
        value={String(draft[key])}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );

  return (
    <InboxFormFrame
      {...frame}
      newTitle={t('inboxes.addEmail')}
      newSubmit={t('inboxes.submitEmail')}
      newId="new-email-inbox"
      onDone={onDone}
    >
      {field('address', `${EMAIL}.address`, 'email', true)}
      {field('displayName', `${EMAIL}.displayName`)}
      <Field label={t('inboxes.signature')} error={save.error} name={`${EMAIL}.signature`}>
        <textarea
          value={draft.signature}
          onChange={(e) => setDraft({ ...draft, signature: e.target.value })}
        />
      </Field>
      <fieldset>
        <legend>{t('inboxes.relay')}</legend>
        {field('relayHost', `${EMAIL}.relay.host`)}
        {field('relayPort', `${EMAIL}.relay.port`, 'number')}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.relaySecure}
            onChange={(e) => setDraft({ ...draft, relaySecure: e.target.checked })}
          />
          {t('inboxes.relaySecure')}
        </label>
        {field('relayUser', `${EMAIL}.relay.user`)}
        {field('relayPassword', 'settings.relayPassword', 'password')}
      </fieldset>
    </InboxFormFrame>
  );
}
