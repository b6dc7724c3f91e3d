import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../../api/HubProvider';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, type AdminInbox } from '../settings-api';
import { ChannelInboxForm } from './ChannelInboxForm';
import { FORM_CHANNELS, isFormChannel, type FormChannel } from './channel-inbox-fields';
import { EmailInboxForm } from './EmailInboxForm';
import { WebInboxForm } from './WebInboxForm';

/** The channels whose inboxes this screen edits: every one the admin API configures. */
const EDITABLE = ['web', 'email', ...FORM_CHANNELS];

/**
 * Inboxes: the list, a web inbox's snippet to copy, new inboxes of every channel, and edits
 * (a social or API inbox just created opens for connecting its platform).
 */
export function InboxesSettings() {
  const { t } = useTranslation('settings');
  const inboxes = useAdminList<AdminInbox>('/inboxes');
  const [chosen, setEditing] = useState<AdminInbox | null>(null);
  // As last read: a rotated secret or a save elsewhere shows in `secretsSet` at once.
  const editing = chosen && (inboxes.data?.find((inbox) => inbox.id === chosen.id) ?? chosen);
  const done = () => setEditing(null);
  return (
    <>
      <h2>{t('inboxes.title')}</h2>
      <SettingsTable
        caption={t('inboxes.title')}
        rows={inboxes.data}
        columns={[
          { header: t('inboxes.name'), cell: (inbox) => inbox.name },
          {
            header: t('inboxes.channel'),
            cell: (inbox) => t(`channels.${inbox.channel}`, { defaultValue: inbox.channel }),
          },
          {
            header: t('inboxes.secretsSet'),
            cell: (inbox) =>
              inbox.secretsSet
                .map((name) => t(`inboxes.secrets.${name}`, { defaultValue: name }))
                .join(', '),
          },
        ]}
        actions={(inbox) => (
          <>
            {EDITABLE.includes(inbox.channel) ? (
              <button type="button" onClick={() => setEditing(inbox)}>
                {t('inboxes.edit', { name: inbox.name })}
              </button>
            ) : null}
            {inbox.channel === 'web' ? <SnippetButton inbox={inbox} /> : null}
          </>
        )}
      />
      {editing?.channel === 'web' ? (
        <WebInboxForm key={editing.id} inbox={editing} onDone={done} />
      ) : null}
      {editing?.channel === 'email' ? (
        <EmailInboxForm key={editing.id} inbox={editing} onDone={done} />
      ) : null}
      {editing && isFormChannel(editing.channel) ? (
        <ChannelInboxForm
          key={editing.id}
          channel={editing.channel}
          inbox={editing}
          onDone={done}
        />
      ) : null}
      {editing ? null : (
        <>
          <WebInboxForm />
          <EmailInboxForm />
          <NewChannelInbox onCreated={setEditing} />
        </>
      )}
    </>
  );
}

/** A new social or API inbox: the channel first, then its form. */
function NewChannelInbox({ onCreated }: { onCreated: (inbox: AdminInbox) => void }) {
  const { t } = useTranslation('settings');
  const [channel, setChannel] = useState<FormChannel>('messenger');
  return (
    <div className="new-channel-inbox">
      <Field label={t('inboxes.channelToAdd')}>
        <select value={channel} onChange={(e) => setChannel(e.target.value as FormChannel)}>
          {FORM_CHANNELS.map((option) => (
            <option key={option} value={option}>
              {t(`channels.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <ChannelInboxForm key={channel} channel={channel} onCreated={onCreated} />
    </div>
  );
}

function SnippetButton({ inbox }: { inbox: AdminInbox }) {
  const { t } = useTranslation('settings');
  const { http } = useHub();
  const [html, setHtml] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const show = async () => {
    const snippet = await http.get<{ html: string }>(`/inboxes/${inbox.id}/snippet`);
    setHtml(snippet.html);
  };
  const copy = async () => {
    if (!html) return;
    await navigator.clipboard.writeText(html);
    setCopied(true);
  };
  if (html === null) {
    return (
      <button type="button" onClick={() => void show()}>
        {t('inboxes.showSnippet', { name: inbox.name })}
      </button>
    );
  }
  return (
    <div className="snippet">
      <Field label={t('inboxes.snippet')}>
        <textarea readOnly rows={3} value={html} />
      </Field>
      <button type="button" onClick={() => void copy()}>
        {t('inboxes.copy')}
      </button>
      {copied ? <span role="status">{t('inboxes.copied')}</span> : null}
    </div>
  );
}
