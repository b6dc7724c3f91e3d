import type { Headers } from 'mailparser';

// Out-of-office subjects in the languages our customers write in.
const OUT_OF_OFFICE =
  /^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|abwesenheit|absence|自动回复|自動回覆|不在|休暇|부재)/i;

/**
 * A mail sent by a machine rather than a person (RFC 3834 Auto-Submitted, the X-Autoreply and
 * X-Autorespond conventions, Precedence bulk/junk/list, an out-of-office subject). It is stored
 * like any mail, and must never be answered automatically, or two robots loop.
 */
export function isAutoReply(headers: Headers, subject: string): boolean {
  const header = (name: string): string => {
    const value = headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : '';
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return true;
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '') return true;
  if (['bulk', 'junk', 'list'].includes(header('precedence'))) return true;
  return OUT_OF_OFFICE.test(subject);
}
