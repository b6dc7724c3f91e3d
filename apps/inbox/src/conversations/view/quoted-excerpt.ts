import type { MessageView } from '../../api/types';

const EXCERPT = 80;

/**
 * What a reply answers, as a short line: the answered message's text (or file name), "" when
 * that message is not among those loaded (or has neither), null when the message answers none.
 */
export function quotedExcerpt(
  message: Pick<MessageView, 'replyToMessageId'>,
  messages: readonly MessageView[],
): string | null {
  if (!message.replyToMessageId) return null;
  const quoted = messages.find((candidate) => candidate.id === message.replyToMessageId);
  const text = quoted ? quoted.content || (quoted.attachment?.name ?? '') : '';
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}
