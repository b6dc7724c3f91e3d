const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SENT_MESSAGE_ID = new RegExp(`^(${UUID})@`);

/**
 * The Message-ID (without brackets) of an agent's reply sent by mail: `<message id>@<domain of
 * the inbox address>`. A customer's reply, or a bounce, names our stored message by it, so no
 * second id is kept.
 */
export function sentMessageId(messageId: string, inboxAddress: string): string {
  return `${messageId}@${inboxAddress.slice(inboxAddress.lastIndexOf('@') + 1)}`;
}

/** The ids of our own messages among Message-IDs (references, a bounced mail's id). */
export function sentMessageIdsOf(messageIds: readonly string[]): string[] {
  return messageIds.flatMap((id) => {
    const match = SENT_MESSAGE_ID.exec(id.toLowerCase());
    return match ? [match[1]] : [];
  });
}

/** The reply token of a conversation (in the Reply-To plus-address): its id without dashes. */
export function replyTokenOf(conversationId: string): string {
  return conversationId.replaceAll('-', '');
}

/** The conversation id a reply token stands for. */
export function conversationIdOfReplyToken(token: string): string {
  const t = token.toLowerCase();
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
}
