import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/types';
import { quotedExcerpt } from './quoted-excerpt';

/** The line above a customer's reply that says which message it answers, as their app shows it. */
export function QuotedReply(props: { message: MessageView; messages: readonly MessageView[] }) {
  const { t } = useTranslation('conversations');
  const excerpt = quotedExcerpt(props.message, props.messages);
  if (excerpt === null) return null;
  return (
    <blockquote className="quoted-reply muted">
      {excerpt ? t('view.replyTo', { text: excerpt }) : t('view.replyToEarlier')}
    </blockquote>
  );
}
