import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../api/api-error';
import { useHub } from '../../api/HubProvider';
import type { ConversationView } from '../../api/types';
import { LANGUAGE_NAMES, LANGUAGES, languageOf, type Language } from '../../i18n/languages';
import { ActionDialog, type ActionResult } from './ActionDialog';

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
  const [result, setResult] = useState<ActionResult | null>(null);

  const submit = async () => {
    setResult(null);
    try {
      await http.request(`/conversations/${props.conversation.id}/transcript-mails`, {
        method: 'POST',
        body: { email: email.trim(), language },
      });
      setResult({ text: t('transcriptMail.sent', { email: email.trim() }), alert: false });
    } catch (failure) {
      setResult({ text: t('actions.failed', { code: failureCode(failure) }), alert: false });
    }
  };

  return (
    <ActionDialog
      dialog={props.dialog}
      title={t('transcriptMail.title')}
      submitLabel={t('transcriptMail.submit')}
      submitDisabled={!email.trim()}
      onSubmit={submit}
      message={result}
    >
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
        <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
    </ActionDialog>
  );
}
