import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/types';
import { EmailHtml, isEmailHtml } from './EmailHtml';
import { safeHttpUrl, textLinks } from './text-links';

/**
 * A message's content as text (never markup), its attachment inline (images) or as a link; a
 * mail's HTML part purified and shown in its place.
 */
export function MessageBody({ message }: { message: MessageView }) {
  const { t, i18n } = useTranslation('conversations');
  if (isEmailHtml(message)) return <EmailHtml message={message} />;
  const { attachment } = message;
  const link = message.contentType === 'link' ? safeHttpUrl(message.content) : undefined;
  return (
    <>
      {link ? (
        <p className="message-text">
          <span className="muted">{t('view.pushedLink')} </span>
          <a href={link} target="_blank" rel="noopener noreferrer">
            {message.content}
          </a>
        </p>
      ) : message.content ? (
        <p className="message-text">
          <LinkedText text={message.content} />
        </p>
      ) : null}
      {attachment && message.contentType === 'image' ? (
        <a href={attachment.url} target="_blank" rel="noopener noreferrer">
          <img className="attachment-image" src={attachment.url} alt={attachment.name} />
        </a>
      ) : null}
      {attachment && message.contentType !== 'image' ? (
        <a
          className="attachment-file"
          href={attachment.url}
          target="_blank"
          rel="noopener noreferrer"
          download={attachment.name}
        >
          {attachment.name}{' '}
          <span className="muted">
            (
            {new Intl.NumberFormat(i18n.language, {
              style: 'unit',
              unit: 'kilobyte',
              maximumFractionDigits: 0,
            }).format(Math.max(1, attachment.size / 1024))}
            )
          </span>
        </a>
      ) : null}
    </>
  );
}

/** Text with its http(s) addresses as links that open in a new tab, never as markup. */
function LinkedText({ text }: { text: string }) {
  return textLinks(text).map((part, index) =>
    part.href ? (
      <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
        {part.text}
      </a>
    ) : (
      part.text
    ),
  );
}
