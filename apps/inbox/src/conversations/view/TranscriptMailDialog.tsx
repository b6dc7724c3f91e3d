import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useHub } from '../../api/HubProvider';
import type { ConversationView } from '../../api/types';
import { LANGUAGE_NAMES, LANGUAGES, languageOf, type Language } from '../../i18n/languages';

/**
 * The conversation's transcript mailed to the customer (`POST …/transcript-mails`): to the
 * address of a mail conversation's customer unless the agent types another, in the language the
 * agent picks (the app's by default).
 */
export function TranscriptMailDialog(props: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  conversation: ConversationView;
}) {
  const { t, i18n } = useTranslation('conversations');
  const { http } = useHub();
  const known = props.conversation.customerExternalId;
  const [email, setEmail] = useState(known.includes('@') ? known : '');
  const [language, setLanguage] = useState<Language>(languageOf(i18n.language) ?? 'en');
  const [result, setResult] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    try {
      await http.request(`/conversations/${props.conversation.id}/transcript-mails`, {
        method: 'POST',
        body: { email: email.trim(), language },
      });
      setResult(t('transcriptMail.sent', { email: email.trim() }));
    } catch (failure) {
      setResult(
        t('actions.failed', { code: failure instanceof ApiError ? failure.code : 'NETWORK' }),
      );
    }
  };

  return (
    <dialog ref={props.dialog} className="dialog" aria-label={t('transcriptMail.title')}>
      <form onSubmit={(event) => void submit(event)}>
        <h2>{t('transcriptMail.title')}</h2>
        <label>
          {t('transcriptMail.email')}
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          {t('transcriptMail.language')}
          <select
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        {result ? <p role="status">{result}</p> : null}
        <div className="dialog-buttons">
          <button type="button" onClick={() => props.dialog.current?.close()}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!email.trim()}>
            {t('transcriptMail.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
