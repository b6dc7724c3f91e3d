import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../../api/HubProvider';
import { useAdminList, type AdminInbox } from '../settings-api';
import { EmailInboxForm } from './EmailInboxForm';
import { WebInboxForm } from './WebInboxForm';

/** Inboxes: the list, a web inbox's snippet to copy, and new web and email inboxes. */
export function InboxesSettings() {
  const { t } = useTranslation('settings');
  const inboxes = useAdminList<AdminInbox>('/inboxes');
  return (
    <>
      <h2>{t('inboxes.title')}</h2>
      <table className="settings-table">
        <caption className="visually-hidden">{t('inboxes.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inboxes.name')}</th>
            <th scope="col">{t('inboxes.channel')}</th>
            <th scope="col">{t('inboxes.secretsSet')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(inboxes.data ?? []).map((inbox) => (
            <tr key={inbox.id}>
              <td>{inbox.name}</td>
              <td>{t(`channels.${inbox.channel}`, { defaultValue: inbox.channel })}</td>
              <td>{inbox.secretsSet.join(', ')}</td>
              <td>{inbox.channel === 'web' ? <SnippetButton inbox={inbox} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WebInboxForm />
      <EmailInboxForm />
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
      <label>
        {t('inboxes.snippet')}
        <textarea readOnly rows={3} value={html} />
      </label>
      <button type="button" onClick={() => void copy()}>
        {t('inboxes.copy')}
      </button>
      {copied ? <span role="status">{t('inboxes.copied')}</span> : null}
    </div>
  );
}
