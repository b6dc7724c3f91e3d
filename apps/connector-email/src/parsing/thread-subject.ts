// Reply and forward prefixes as clients write them: English, Chinese (回复/回覆/答复/转发/轉寄),
// German, French, Spanish, and Outlook's localized ones, with any [list tag] in front.
const PREFIX =
  /^\s*(\[[^\]]{0,60}\]\s*)?(re|fw|fwd|aw|wg|tr|rv|sv|vs|回复|回覆|答复|转发|轉寄|轉發)\s*(\[\d+\]|\(\d+\))?\s*[:：]\s*/i;

/** The subject a thread is known by: `Re: Fwd: 回复：Order 42` → `Order 42`. */
export function threadSubject(subject: string): string {
  let rest = subject;
  for (let i = 0; i < 20; i++) {
    const next = rest.replace(PREFIX, '');
    if (next === rest) break;
    rest = next;
  }
  return rest.replace(/\s+/g, ' ').trim().slice(0, 998);
}

/** Whether the subject says the mail is a forward. */
export function isForward(subject: string): boolean {
  return /^\s*(\[[^\]]{0,60}\]\s*)?(fw|fwd|wg|tr|转发|轉寄|轉發)\s*[:：]/i.test(subject);
}
