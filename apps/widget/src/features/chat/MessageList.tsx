import { inboxText } from '../../i18n/locale';
import { useWidget } from '../../ui/widget-context';
import { CsatForm } from '../csat/CsatForm';
import { TranscriptForm } from '../transcript/TranscriptForm';
import { MessageItem, PendingItem } from './MessageItem';

/** The transcript: greeting, messages by seq, unsent messages, then the live status lines. */
export function MessageList() {
  const { state, t } = useWidget();
  const { conversation, queue } = state;
  const agentName = conversation?.assignee?.name ?? t('agent');
  const resolved = conversation?.status === 'resolved' || conversation?.status === 'closed';

  return (
    <div class="transcript">
      {/* The greeting is the inbox's, not a message: it stays out of the message list. */}
      <div class="message theirs greeting">
        <div class="bubble">
          <p class="text">
            {inboxText(state.config.greeting, state.locale, state.config.defaultLocale) ??
              t('greeting')}
          </p>
        </div>
      </div>
      <div role="log" aria-label={t('messages')} aria-live="polite">
        <ul class="messages">
          {state.messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
          {state.outbox.map((entry) => (
            <PendingItem key={entry.clientMessageId} entry={entry} />
          ))}
        </ul>
      </div>
      {queue && conversation?.status !== 'assigned' && (
        <div class="status-card" role="status">
          <p>{t('queuePosition', { n: queue.position })}</p>
          {queue.estimatedWaitSeconds !== null && (
            <p class="muted">
              {t('estimatedWait', { m: Math.max(1, Math.ceil(queue.estimatedWaitSeconds / 60)) })}
            </p>
          )}
        </div>
      )}
      {state.agentTyping && (
        <p class="typing" role="status">
          {t('typing', { name: agentName })}
        </p>
      )}
      {resolved && <p class="event">{t('resolved')}</p>}
      {resolved && <CsatForm />}
      {resolved && <TranscriptForm />}
    </div>
  );
}
