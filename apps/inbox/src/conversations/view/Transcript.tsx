import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView, NoteView } from '../../api/types';
import { useNotes } from '../api/queries';
import { useLive } from '../live/ConversationsLive';
import { DeliveryState } from './DeliveryState';
import { MessageBody } from './MessageBody';
import { QuotedReply } from './QuotedReply';
import type { PendingReply } from './outbox';
import { useSendReply } from './useSendReply';

type Entry =
  | { kind: 'message'; at: string; message: MessageView }
  | { kind: 'note'; at: string; note: NoteView };

/** Messages and the agents' notes in time order, then the replies still on their way. */
export function Transcript(props: { conversationId: string; messages: readonly MessageView[] }) {
  const { t, i18n } = useTranslation('conversations');
  const notes = useNotes(props.conversationId);
  const { outbox } = useLive();
  const pending = useSyncExternalStore(outbox.subscribe, outbox.snapshot).filter(
    (reply) => reply.conversationId === props.conversationId,
  );
  const entries: Entry[] = [
    ...props.messages.map((message) => ({
      kind: 'message' as const,
      at: message.createdAt,
      message,
    })),
    ...(notes.data ?? []).map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Braced: newer Chromium returns a promise from scrollIntoView, which is no cleanup.
    void end.current?.scrollIntoView({ block: 'end' });
  }, [entries.length, pending.length]);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

  return (
    <ol className="transcript" aria-label={t('view.transcript')} aria-live="polite">
      {entries.map((entry) =>
        entry.kind === 'note' ? (
          <li key={`n-${entry.note.id}`} className="note" aria-label={t('view.note')}>
            <span className="note-label">{t('view.note')}</span>
            <p>{entry.note.body}</p>
            <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
          </li>
        ) : (
          <li
            key={`m-${entry.message.id}`}
            className={`message ${entry.message.direction} sender-${entry.message.senderType}${entry.message.deliveryStatus === 'failed' ? ' failed' : ''}`}
          >
            <QuotedReply message={entry.message} messages={props.messages} />
            <MessageBody message={entry.message} />
            <footer>
              <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
              {entry.message.direction === 'outbound' ? (
                <DeliveryState message={entry.message} />
              ) : null}
            </footer>
          </li>
        ),
      )}
      {pending.map((reply) => (
        <PendingRow key={reply.clientMessageId} reply={reply} />
      ))}
      <li ref={end} className="transcript-end" aria-hidden="true" />
    </ol>
  );
}

function PendingRow({ reply }: { reply: PendingReply }) {
  const { t } = useTranslation('conversations');
  const { retry } = useSendReply(reply.conversationId);
  return (
    <li className={`message outbound pending ${reply.state}`}>
      <p className="message-text">{reply.fileName ?? reply.content}</p>
      <footer>
        {reply.state === 'sending' ? (
          <span className="delivery">{t('delivery.sending')}</span>
        ) : (
          <>
            <span className="delivery failed" role="alert">
              {t('delivery.failed', { code: reply.error })}
            </span>
            <button type="button" onClick={() => retry(reply.clientMessageId)}>
              {t('delivery.retry')}
            </button>
          </>
        )}
      </footer>
    </li>
  );
}
