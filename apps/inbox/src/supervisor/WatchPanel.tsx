import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useHub, useSignedIn, useSocketEvent } from '../api/HubProvider';
import { mergeBySeq } from '../api/transcript';
import type { ConversationView, MessageView } from '../api/types';
import { NoteComposer, NoteList } from '../ui/Notes';
import { dateTimeText } from '../ui/time-text';
import type { NoteView } from './types';
import { useWatch } from './useWatch';

/** A live conversation, read-only: transcript, the customer's draft, take over, a note to the agent. */
export function WatchPanel(props: { conversationId: string; names: Map<string, string> }) {
  const { conversationId } = props;
  const { t } = useTranslation('supervisor');
  const { http } = useHub();
  const me = useSignedIn()?.agent;
  const client = useQueryClient();
  const conversation = useQuery({
    queryKey: ['conversations', conversationId],
    queryFn: ({ signal }) =>
      http.get<ConversationView>(`/conversations/${conversationId}`, undefined, signal),
  });
  useSocketEvent('conversation.updated', (frame) => {
    const updated = frame.conversation as ConversationView;
    if (updated.id === conversationId)
      client.setQueryData(['conversations', conversationId], updated);
  });
  const { draft, typing, refusal, answers } = useWatch(conversationId);
  const messages = useWatchedTranscript(conversationId, answers);
  const takeOver = useMutation({
    mutationFn: () =>
      http.request<ConversationView>(`/conversations/${conversationId}/transfer`, {
        method: 'POST',
        body: { toAgentId: me?.id },
      }),
    onSuccess: (taken) => client.setQueryData(['conversations', conversationId], taken),
  });

  const view = conversation.data;
  const mine = view?.assigneeId === me?.id;
  const assignee = view?.assigneeId ? (props.names.get(view.assigneeId) ?? '—') : t('nobody');
  const takeOverError = takeOver.error instanceof ApiError ? takeOver.error.code : null;
  return (
    <aside aria-labelledby="watch-title" className="watch-panel">
      <header className="detail-header">
        <h2 id="watch-title">{t('watching', { name: assignee })}</h2>
        <button
          type="button"
          className="primary"
          disabled={!view || mine || takeOver.isPending}
          onClick={() => takeOver.mutate()}
        >
          {mine ? t('yours') : t('takeOver')}
        </button>
      </header>
      {takeOverError && (
        <p role="alert" className="form-error">
          {t(`error.${takeOverError}`, { defaultValue: t('error.other') })}
        </p>
      )}
      {refusal && (
        <p role="alert" className="form-error">
          {t(`error.${refusal}`, { defaultValue: t('error.other') })}
        </p>
      )}
      <ol className="watch-transcript" aria-label={t('transcript')}>
        {(messages.data ?? []).map((message) => (
          <li key={message.id} className={`watch-message from-${message.senderType}`}>
            <span className="muted small">
              {t(`sender.${message.senderType}`)} · {dateTimeText(message.createdAt)}
            </span>
            <div>{message.attachment ? message.attachment.name : message.content}</div>
          </li>
        ))}
      </ol>
      <section aria-label={t('draft')} aria-live="polite" className="watch-draft">
        <span className="muted small">{t('draft')}</span>
        <div>{draft || (typing ? t('typing') : '—')}</div>
      </section>
      <NoteToAgent conversationId={conversationId} names={props.names} />
    </aside>
  );
}

/**
 * The watched conversation's messages: read after each answer to the watch (the first, and one
 * per reconnect, to fill what was missed), kept current in between by the pushed messages
 * (the watcher's `watched` copies, or the assignee's own once the supervisor took it over).
 */
function useWatchedTranscript(conversationId: string, answers: number) {
  const { http } = useHub();
  const client = useQueryClient();
  const key = ['conversations', conversationId, 'messages', 'watched'];
  const messages = useQuery({
    queryKey: key,
    // Pushed while the read was on its way: kept, not overwritten.
    queryFn: async ({ signal }) =>
      mergeBySeq(
        await http.get<MessageView[]>(
          `/conversations/${conversationId}/messages`,
          undefined,
          signal,
        ),
        client.getQueryData<MessageView[]>(key) ?? [],
      ),
    enabled: answers > 0,
    staleTime: Infinity,
  });
  const { refetch } = messages;
  useEffect(() => {
    if (answers > 1) void refetch();
  }, [answers, refetch]);
  useSocketEvent('message.created', (frame) => {
    const message = frame.message as MessageView;
    if (message.conversationId !== conversationId) return;
    // Before the first answer nothing is read yet (the read will carry it); after, one arriving
    // while the first read is on its way is kept for the read to merge.
    client.setQueryData<MessageView[]>(key, (held) =>
      answers > 0 ? mergeBySeq(held ?? [], [message]) : held,
    );
  });
  return messages;
}

function NoteToAgent(props: { conversationId: string; names: Map<string, string> }) {
  const { t } = useTranslation('supervisor');
  const { http } = useHub();
  const path = `/conversations/${props.conversationId}/notes`;
  const notes = useQuery({
    queryKey: ['conversations', props.conversationId, 'notes'],
    queryFn: ({ signal }) => http.get<NoteView[]>(path, undefined, signal),
  });
  // Another supervisor's note on the chat: pushed to everyone watching it.
  useSocketEvent('conversation.note', (frame) => {
    if (frame.conversationId === props.conversationId) void notes.refetch();
  });
  const send = async (body: string) => {
    await http.request(path, { method: 'POST', body: { body } });
    await notes.refetch();
  };
  return (
    <section aria-labelledby="agent-note-title">
      <h3 id="agent-note-title">{t('noteToAgent')}</h3>
      <NoteList notes={notes.data ?? []} authorName={(id) => props.names.get(id) ?? '—'} />
      <NoteComposer
        label={t('note')}
        submitLabel={t('sendNote')}
        failedText={t('error.other')}
        send={send}
      />
    </section>
  );
}
