import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/types';
import { purifyEmailHtml } from './email-html';

/** A mail's HTML part, as connector-email keeps it: an inbound message's `text/html` file. */
export function isEmailHtml(message: MessageView): boolean {
  return (
    message.direction === 'inbound' &&
    message.attachment?.mimeType === 'text/html' &&
    Boolean(message.attachment.url)
  );
}

/**
 * A mail shown with its formatting: the HTML file fetched from its signed link and purified
 * (email-html.ts) before it enters the page. Until it is there, or when it cannot be had, the
 * mail's text is shown instead.
 */
export function EmailHtml({ message }: { message: MessageView }) {
  const { t } = useTranslation('conversations');
  const url = message.attachment?.url ?? '';
  const html = useQuery({
    queryKey: ['conversations', 'email-html', message.attachment?.fileId],
    queryFn: async ({ signal }) => {
      const response = await fetch(url, { signal, credentials: 'omit' });
      if (!response.ok) throw new Error(`message.html: ${response.status}`);
      return response.text();
    },
    // The file never changes; its link expires, so it is fetched once per page load.
    staleTime: Infinity,
    retry: 1,
  });
  const purified = useMemo(() => (html.data ? purifyEmailHtml(html.data) : null), [html.data]);
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The purified nodes are moved into the page as they are: never a string parsed again.
    if (purified) body.current?.replaceChildren(purified.content.cloneNode(true));
  }, [purified]);

  if (!purified) {
    return (
      <>
        {message.content ? <p className="message-text">{message.content}</p> : null}
        {html.isError ? (
          <p className="muted email-html-note">{t('view.emailHtmlUnavailable')}</p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <div className="email-html" ref={body} />
      {purified.blockedImages > 0 ? (
        <p className="muted email-html-note">
          {t('view.emailRemoteImagesBlocked', { count: purified.blockedImages })}
        </p>
      ) : null}
    </>
  );
}
