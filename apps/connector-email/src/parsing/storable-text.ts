// NUL, the C0 controls other than tab and newline, DEL, and unpaired surrogates: what 8-bit
// garbage in a header decodes to, and what PostgreSQL (or a reader) cannot take.
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- these control characters are the point
  /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with what cannot be stored replaced by U+FFFD, cut to `maxLength` characters. */
export function storableText(text: string, maxLength: number): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(UNSTORABLE, '\ufffd');
  if (clean.length <= maxLength) return clean;
  // Not in the middle of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(clean[maxLength - 1]) ? maxLength - 1 : maxLength;
  return clean.slice(0, end);
}
