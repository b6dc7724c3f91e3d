// Upload names are kept as text and only ever shown or sent back in Content-Disposition. They
// never name anything on disk (storage keys are uuids).

const MAX_NAME_LENGTH = 255;
// Control characters (C0, DEL, C1), bidi overrides that disguise an extension, and the
// separators a name could use to pretend to be a path.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\/]/g;

/** The uploader's file name made safe to keep and show: no path, no controls, not empty. */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').trim().replace(/^\.+/, '');
  const name = [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
  return name === '' ? 'file' : name;
}

/**
 * `Content-Disposition` with the name twice: an ASCII fallback (`filename="..."`, quotes and
 * backslashes replaced) and the exact UTF-8 name (`filename*=UTF-8''...`, RFC 5987/6266).
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow them.
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
