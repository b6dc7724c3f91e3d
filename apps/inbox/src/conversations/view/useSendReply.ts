import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { useHub } from '../../api/HubProvider';
import type { MessageView } from '../../api/types';
import { addMessage, useLive } from '../live/ConversationsLive';
import { newClientMessageId, type PendingReply } from './outbox';

/**
 * Sends replies and pushed links: shown at once, over the socket when it is up (REST when not),
 * marked stored on the ack; a refusal leaves it failed with a retry that reuses its id.
 */
export function useSendReply(conversationId: string) {
  const { socket, http } = useHub();
  const { outbox } = useLive();
  const queryClient = useQueryClient();

  async function sendOnce(reply: PendingReply): Promise<MessageView> {
    const { clientMessageId, content, fileId } = reply;
    if (socket.currentStatus === 'connected') {
      const frame =
        reply.kind === 'link'
          ? { type: 'link.push', conversationId, url: content, clientMessageId }
          : {
              type: 'message.send',
              conversationId,
              clientMessageId,
              content,
              ...(fileId ? { fileId } : {}),
            };
      return (await socket.request(frame)).message as MessageView;
    }
    return reply.kind === 'link'
      ? http.request<MessageView>(`/conversations/${conversationId}/links`, {
          method: 'POST',
          body: { url: content, clientMessageId },
        })
      : http.request<MessageView>(`/conversations/${conversationId}/messages`, {
          method: 'POST',
          body: { clientMessageId, content, ...(fileId ? { fileId } : {}) },
        });
  }

  const deliver = async (reply: PendingReply) => {
    try {
      const message = await sendOnce(reply);
      outbox.stored(message);
      addMessage(queryClient, message);
    } catch (error) {
      outbox.failed(reply.clientMessageId, error instanceof ApiError ? error.code : 'NETWORK');
    }
  };

  const send = (reply: Omit<PendingReply, 'state' | 'clientMessageId' | 'conversationId'>) =>
    deliver(outbox.add({ ...reply, conversationId, clientMessageId: newClientMessageId() }));

  const retry = (clientMessageId: string) => {
    const reply = outbox.retrying(clientMessageId);
    if (reply) void deliver(reply);
  };

  return { send, retry };
}
