// Where quoted history starts in a reply, as the common clients write it. Each is tested on
// one line at a time (bounded, no backtracking across lines), so hostile text costs linear time.
const HISTORY_HEADERS: readonly RegExp[] = [
  /^On .{1,300} wrote:\s*$/, // Gmail, Apple Mail, Thunderbird (en)
  /^在.{1,300}写道[：:]\s*$/, // Gmail / QQ Mail (zh-CN)
  /^於.{1,300}寫道[：:]\s*$/, // Gmail (zh-TW)
  /^.{1,300}(のメッセージ|は書きました)[：:]\s*$/, // Gmail, Thunderbird (ja)
  /^20\d\d.{1,300}작성[：:]\s*$/, // Gmail (ko)
  /^-{2,}\s*(Original Message|原始邮件|原始郵件|Forwarded message)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/, // Outlook's rule above the quoted headers
];

// Outlook and Foxmail quote a header block ("From: …" then "Sent: …"/"发送时间: …").
const FROM_LINE = /^\s*(From|发件人|寄件者|差出人|보낸 사람)\s*[:：]/i;
const SENT_LINE = /^\s*(Sent|Date|发送时间|寄件日期|送信日時|보낸 날짜)\s*[:：]/i;

const SIGNATURE_SEPARATOR = /^-- ?$/;

/** A mail body split into what the sender wrote now and the history or signature below it. */
export interface FoldedText {
  text: string;
  /** What was folded away (quoted history, signature); empty when nothing was. */
  folded: string;
}

/**
 * Splits off quoted history ("On … wrote:", `>` lines, Outlook header blocks, in English,
 * Chinese, Japanese and Korean) and a `-- ` signature. A forward keeps everything: the
 * forwarded mail is what the customer is sending.
 */
export function foldQuotedHistory(body: string, options: { forwarded: boolean }): FoldedText {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const cut = options.forwarded ? -1 : historyStart(lines);
  const kept = cut === -1 ? lines : lines.slice(0, cut);
  const text = trimBlankLines(kept).join('\n');
  // A mail that is nothing but a quote (or a bare forward) keeps its body.
  if (text.trim() === '') return { text: trimBlankLines(lines).join('\n'), folded: '' };
  return { text, folded: cut === -1 ? '' : lines.slice(cut).join('\n').trim() };
}

function historyStart(lines: string[]): number {
  const quoteTail = quotedTailStart(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (HISTORY_HEADERS.some((pattern) => pattern.test(line))) return i;
    if (SIGNATURE_SEPARATOR.test(line)) return i;
    if (FROM_LINE.test(line) && lines.slice(i + 1, i + 4).some((next) => SENT_LINE.test(next))) {
      return i;
    }
    // `>` lines running to the end are the quote under a top reply.
    if (i >= quoteTail && line.startsWith('>')) return i;
  }
  return -1;
}

/** The first line from which every line to the end is quoted (`>`) or blank. */
function quotedTailStart(lines: string[]): number {
  let start = lines.length;
  while (start > 0 && (lines[start - 1].startsWith('>') || lines[start - 1].trim() === '')) start--;
  return start;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}
