/** A recipient split into the inbox address it is for and the reply token after its `+`. */
export interface RecipientAddress {
  /** `support@shop.example`, lower case, the `+token` removed. */
  inboxAddress: string;
  /** The 32-hex reply token of a conversation, when the address carried one. */
  replyToken?: string;
}

const REPLY_TOKEN = /^[0-9a-f]{32}$/;

/**
 * `Support+0123...ef@Shop.Example` → `support@shop.example` and its token. Plus addressing
 * with anything but a reply token still reaches the inbox (the sender's own tag), tokenless.
 * Null for what is not a plain `local@domain` address.
 */
export function parseRecipient(address: string): RecipientAddress | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || address.length > 320) return null;
  const lower = address.toLowerCase();
  const domain = lower.slice(at + 1);
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  const base = plus === -1 ? local : local.slice(0, plus);
  const tag = plus === -1 ? undefined : local.slice(plus + 1);
  if (base === '' || /[\s"<>]/.test(local) || /[\s"<>@]/.test(domain)) return null;
  return {
    inboxAddress: `${base}@${domain}`,
    ...(tag !== undefined && REPLY_TOKEN.test(tag) ? { replyToken: tag } : {}),
  };
}
