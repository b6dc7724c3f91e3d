import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/types';

const EXCERPT = 80;

/** The line above a customer's reply that says which message it answers, as their app shows it. */
export function QuotedReply(props: { message: MessageView; messages: readonly MessageView[] }) {
  const { t } = useTranslation('conversations');
  const id = props.message.replyToMessageId;
  if (!id) return null;
  const quoted = props.messages.find((message) => message.id === id);
  const excerpt = quoted ? (quoted.content || (quoted.attachment?.name ?? '')) : '';
  return (
    <blockquote className="quoted-reply muted">
      {excerpt
        ? t('view.replyTo', {
            text: excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT)}…` : excerpt,
          })
        : t('view.replyToEarlier')}
    </blockquote>
  );
}
