import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../../api/HubProvider';
import { Field } from '../../ui/Field';
import { SettingsTable } from '../components/SettingsTable';
import { useAdminList, type AdminInbox } from '../settings-api';
import { EmailInboxForm } from './EmailInboxForm';
import { WebInboxForm } from './WebInboxForm';

/** The channels whose inboxes this screen edits (social and API ones have their own issues). */
const EDITABLE = ['web', 'email'];

/** Inboxes: the list, a web inbox's snippet to copy, new web and email inboxes, and edits. */
export function InboxesSettings() {
  const { t } = useTranslation('settings');
  const inboxes = useAdminList<AdminInbox>('/inboxes');
  const [editing, setEditing] = useState<AdminInbox | null>(null);
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
          { header: t('inboxes.secretsSet'), cell: (inbox) => inbox.secretsSet.join(', ') },
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
      {editing ? null : (
        <>
          <WebInboxForm />
          <EmailInboxForm />
        </>
      )}
    </>
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
