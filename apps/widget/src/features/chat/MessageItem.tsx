import type { Attachment, MessageView } from '../../api/types';
import { formatTime } from '../../i18n/locale';
import type { OutboxEntry } from '../../state/persisted-state';
import { FileIcon } from '../../ui/icons';
import { useWidget } from '../../ui/widget-context';
import { safeHttpUrl } from './transcript';

/** An image inline (alt = its file name), any other file as a download link. */
function AttachmentView({ attachment }: { attachment: Attachment }) {
  const url = safeHttpUrl(attachment.url);
  if (!url) return <span>{attachment.name}</span>;
  if (attachment.mimeType.startsWith('image/'))
    return (
      <a class="image-link" href={url} target="_blank" rel="noopener noreferrer">
        <img class="image" src={url} alt={attachment.name} loading="lazy" />
      </a>
    );
  return (
    <a class="file" href={url} download={attachment.name} target="_blank" rel="noopener noreferrer">
      <FileIcon />
      <span>{attachment.name}</span>
    </a>
  );
}

/** A picture alone is shown bare, without the bubble around it. */
const bubbleClass = (attachment: Attachment | undefined, content: string) =>
  attachment?.mimeType.startsWith('image/') && content === '' ? 'bubble bare' : 'bubble';

/** The body of a message: text as text, a pushed link as a link (http(s) only). */
function Body({ message, blocked }: { message: MessageView; blocked: boolean }) {
  const { t } = useWidget();
  if (message.contentType === 'link') {
    const url = safeHttpUrl(message.content);
    if (!url) return <p class="text">{message.content}</p>;
    return (
      <div class="link-card">
        <span class="link-label">{t('sharedLink')}</span>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {blocked ? t('openLink') : url}
        </a>
        {blocked && <span class="link-url">{url}</span>}
      </div>
    );
  }
  return (
    <>
      {message.attachment && <AttachmentView attachment={message.attachment} />}
      {message.content !== '' && <p class="text">{message.content}</p>}
    </>
  );
}

export function MessageItem({ message }: { message: MessageView }) {
  const { state, t } = useWidget();
  if (message.senderType === 'system' || message.contentType === 'event')
    return <li class="event">{message.content}</li>;
  const own = message.direction === 'inbound';
  return (
    <li class={`message ${own ? 'own' : 'theirs'}`}>
      <div class={bubbleClass(message.attachment, message.content)}>
        <Body message={message} blocked={state.blockedLinks.includes(message.id)} />
      </div>
      <span class="meta">
        {formatTime(state.locale, message.createdAt)}
        {own && (
          <>
            {' · '}
            <span class="delivery">{t('sent')}</span>
          </>
        )}
      </span>
    </li>
  );
}

/** The visitor's message the hub has not stored yet, with its delivery state. */
export function PendingItem({ entry }: { entry: OutboxEntry }) {
  const { store, t } = useWidget();
  return (
    <li class="message own pending">
      <div class={bubbleClass(entry.attachment, entry.content)}>
        {entry.attachment && <AttachmentView attachment={entry.attachment} />}
        {entry.content !== '' && <p class="text">{entry.content}</p>}
      </div>
      <span class="meta">
        {entry.state === 'failed' ? (
          <button
            type="button"
            class="retry"
            aria-label={t('retry')}
            onClick={() => store.retry(entry.clientMessageId)}
          >
            {t('failedRetry')}
          </button>
        ) : (
          <span class="delivery">{t(entry.state === 'sent' ? 'sent' : 'sending')}</span>
        )}
      </span>
    </li>
  );
}
