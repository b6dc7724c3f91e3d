/** Only http(s) links are made clickable; anything else the customer wrote stays text. */
export function safeHttpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined; // not a URL: shown as the text it is
  }
}

/** A run of a message's text: plain, or a link with the address it opens. */
export interface TextPart {
  text: string;
  href?: string;
}

// An address runs to the next space or character that cannot be in a bare URL (CJK text often
// follows a link with no space, so ideographs and full-width punctuation end it too).
const URL_PATTERN = /https?:\/\/[^\s<>"'\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+/giu;
// Sentence punctuation right after an address belongs to the sentence.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/u;

/** Splits text into plain runs and http(s) links, in order; their texts join back to `text`. */
export function textLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(candidate);
    if (!href) continue;
    if (match.index > plainFrom) parts.push({ text: text.slice(plainFrom, match.index) });
    parts.push({ text: candidate, href });
    plainFrom = match.index + candidate.length;
  }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom) });
  return parts;
}
