import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../api/api-error';
import { useHub, useSignedIn } from '../../api/HubProvider';
import type { ConversationView } from '../../api/types';
import { useCommands } from '../../app/commands';
import { keys, useAgents, useDepartments } from '../api/queries';
import { ActionDialog, type ActionResult } from './ActionDialog';
import { TranscriptMailDialog } from './TranscriptMailDialog';

type Action = 'assign' | 'resolve' | 'reopen';

/**
 * Take, transfer, resolve, reopen, turn into (or link to) a ticket, mail the transcript to the
 * customer; also in the palette.
 */
export function ConversationActions({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation('conversations');
  const { http } = useHub();
  const queryClient = useQueryClient();
  const me = useSignedIn()?.agent;
  const [error, setError] = useState<string | null>(null);
  const transferDialog = useRef<HTMLDialogElement>(null);
  const ticketDialog = useRef<HTMLDialogElement>(null);
  const transcriptDialog = useRef<HTMLDialogElement>(null);
  const active = conversation.status !== 'resolved' && conversation.status !== 'closed';
  const mine = conversation.assigneeId === me?.id;

  const act = async (action: Action) => {
    setError(null);
    try {
      const updated = await http.request<ConversationView>(
        `/conversations/${conversation.id}/${action}`,
        { method: 'POST', body: {} },
      );
      queryClient.setQueryData(keys.one(conversation.id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.lists });
    } catch (failure) {
      setError(failureCode(failure));
    }
  };

  const commands = [
    ...(active && !mine
      ? [{ id: 'take', label: t('actions.take'), run: () => void act('assign') }]
      : []),
    ...(active
      ? [
          {
            id: 'transfer',
            label: t('actions.transfer'),
            run: () => transferDialog.current?.showModal(),
          },
          { id: 'resolve', label: t('actions.resolve'), run: () => void act('resolve') },
        ]
      : [{ id: 'reopen', label: t('actions.reopen'), run: () => void act('reopen') }]),
    { id: 'ticket', label: t('actions.ticket'), run: () => ticketDialog.current?.showModal() },
    {
      id: 'transcript',
      label: t('actions.transcript'),
      run: () => transcriptDialog.current?.showModal(),
    },
    {
      id: 'compose',
      label: t('actions.compose'),
      run: () => window.dispatchEvent(new Event('inbox:focus-composer')),
    },
  ];
  useCommands('conversation', commands);

  return (
    <div className="conversation-actions">
      {commands
        .filter((command) => command.id !== 'compose')
        .map((command) => (
          <button key={command.id} type="button" onClick={command.run}>
            {command.label}
          </button>
        ))}
      {error ? (
        <span className="form-error" role="alert">
          {t('actions.failed', { code: error })}
        </span>
      ) : null}
      <TransferDialog dialog={transferDialog} conversation={conversation} />
      <TicketDialog dialog={ticketDialog} conversation={conversation} />
      <TranscriptMailDialog dialog={transcriptDialog} conversation={conversation} />
    </div>
  );
}

function TransferDialog(props: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  conversation: ConversationView;
}) {
  const { t } = useTranslation('conversations');
  const { http } = useHub();
  const queryClient = useQueryClient();
  const agents = useAgents();
  const departments = useDepartments();
  const me = useSignedIn()?.agent;
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const [kind, id] = target.split(':');
    if (!id) return;
    setError(null);
    try {
      const { conversation } = props;
      const updated = await http.request<ConversationView>(
        `/conversations/${conversation.id}/transfer`,
        {
          method: 'POST',
          body: kind === 'agent' ? { toAgentId: id } : { toDepartmentId: id },
        },
      );
      if (note.trim())
        await http.request(`/conversations/${conversation.id}/notes`, {
          method: 'POST',
          body: { body: note.trim() },
        });
      queryClient.setQueryData(keys.one(conversation.id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.notes(conversation.id) });
      await queryClient.invalidateQueries({ queryKey: keys.lists });
      setNote('');
      props.dialog.current?.close();
    } catch (failure) {
      setError(failureCode(failure));
    }
  };

  return (
    <ActionDialog
      dialog={props.dialog}
      title={t('transfer.title')}
      submitLabel={t('transfer.submit')}
      onSubmit={submit}
      message={error ? { text: t('actions.failed', { code: error }), alert: true } : null}
    >
      <label>
        {t('transfer.to')}
        <select value={target} onChange={(event) => setTarget(event.target.value)} required>
          <option value="">{t('transfer.pick')}</option>
          <optgroup label={t('transfer.agents')}>
            {(agents.data ?? [])
              .filter((agent) => agent.id !== me?.id)
              .map((agent) => (
                <option key={agent.id} value={`agent:${agent.id}`}>
                  {agent.name} ({t(`presence.${agent.presence}`)})
                </option>
              ))}
          </optgroup>
          <optgroup label={t('transfer.departments')}>
            {(departments.data ?? []).map((department) => (
              <option key={department.id} value={`department:${department.id}`}>
                {department.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        {t('transfer.note')}
        <textarea value={note} rows={3} onChange={(event) => setNote(event.target.value)} />
      </label>
    </ActionDialog>
  );
}

function TicketDialog(props: {
  dialog: React.RefObject<HTMLDialogElement | null>;
  conversation: ConversationView;
}) {
  const { t } = useTranslation('conversations');
  const { http } = useHub();
  const [subject, setSubject] = useState('');
  const [ticketId, setTicketId] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);

  const submit = async () => {
    const conversationId = props.conversation.id;
    try {
      if (ticketId.trim()) {
        await http.request(`/tickets/${ticketId.trim()}/conversations`, {
          method: 'POST',
          body: { conversationId },
        });
        setResult({ text: t('ticket.linked'), alert: false });
      } else {
        const ticket = await http.request<{ id: string }>('/tickets', {
          method: 'POST',
          body: { conversationId, subject: subject.trim() },
        });
        setResult({ text: t('ticket.created', { id: ticket.id }), alert: false });
      }
    } catch (failure) {
      setResult({ text: t('actions.failed', { code: failureCode(failure) }), alert: false });
    }
  };

  return (
    <ActionDialog
      dialog={props.dialog}
      title={t('ticket.title')}
      submitLabel={t('ticket.submit')}
      submitDisabled={!subject.trim() && !ticketId.trim()}
      onSubmit={submit}
      message={result}
    >
      <label>
        {t('ticket.subject')}
        <input
          value={subject}
          maxLength={200}
          onChange={(event) => setSubject(event.target.value)}
        />
      </label>
      <label>
        {t('ticket.orLink')}
        <input value={ticketId} onChange={(event) => setTicketId(event.target.value)} />
      </label>
    </ActionDialog>
  );
}
