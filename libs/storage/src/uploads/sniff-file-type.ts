// Decides a file's type from its bytes alone, against a short allow list. The declared type and
// the name are never consulted: a renamed HTML page, an SVG (which can carry script) or an
// executable is refused whatever it claims to be. Written here rather than taken from
// `file-type`: that package is ESM-only, needs Node 22, knows a hundred types we would have to
// refuse again, and says nothing of plain text, which we need.

export const MIME = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  text: 'text/plain',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
} as const;

/** Every type an upload may have, for the widget's file picker (`accept`). */
export const ALLOWED_UPLOAD_MIME_TYPES: readonly string[] = [...new Set(Object.values(MIME))];

/** How much of the start of a file the sniffer reads (zip entry names live there too). */
export const SNIFF_HEAD_BYTES = 64 * 1024;

export interface SniffInput {
  /** The first SNIFF_HEAD_BYTES bytes (or the whole file when shorter). */
  head: Buffer;
  /** Whether the whole file is valid UTF-8 without a NUL byte. */
  utf8Text: boolean;
}

/** The file's type, or null when its content is not one of the allowed types. */
export function sniffFileType({ head, utf8Text }: SniffInput): string | null {
  return binaryType(head) ?? (utf8Text && !looksLikeMarkup(head) ? MIME.text : null);
}

const startsWith = (head: Buffer, bytes: number[] | string, offset = 0): boolean => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.subarray(offset, offset + expected.length).equals(expected);
};

function binaryType(head: Buffer): string | null {
  // PNG: the signature, then the IHDR chunk a PNG must begin with (a bare signature glued to
  // something else is not an image).
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return startsWith(head, 'IHDR', 12) ? MIME.png : null;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return MIME.jpeg;
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return MIME.gif;
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8) && startsWith(head, 'VP8', 12))
    return MIME.webp;
  if (startsWith(head, '%PDF-')) return MIME.pdf;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipType(head);
  if (startsWith(head, 'ftyp', 4)) return mp4Type(head.subarray(8, 12).toString('latin1'));
  if (isMp3(head)) return MIME.mp3;
  return null;
}

const MP4_BRANDS = ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash'];

function mp4Type(brand: string): string | null {
  if (brand === 'M4A ') return MIME.m4a;
  return MP4_BRANDS.includes(brand) ? MIME.mp4 : null;
}

function isMp3(head: Buffer): boolean {
  if (startsWith(head, 'ID3') && head.length >= 10) return true;
  // An MPEG audio frame header: 11 sync bits, then Layer III (MPEG-1, 2 or 2.5).
  return (
    head.length >= 4 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) === 0x02
  );
}

/** An Office Open XML document is a zip whose entries say which: word/, xl/ or ppt/. */
function zipType(head: Buffer): string {
  const names = zipEntryNames(head);
  if (names.includes('[Content_Types].xml')) {
    if (names.some((name) => name.startsWith('word/'))) return MIME.docx;
    if (names.some((name) => name.startsWith('xl/'))) return MIME.xlsx;
    if (names.some((name) => name.startsWith('ppt/'))) return MIME.pptx;
  }
  return MIME.zip;
}

const LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The entry names of the local file headers found in `head`, in order. */
function zipEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 30 <= head.length && head.readUInt32LE(offset) === 0x04034b50) {
    const flags = head.readUInt16LE(offset + 6);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const nameStart = offset + 30;
    names.push(head.subarray(nameStart, nameStart + nameLength).toString('utf8'));
    const dataStart = nameStart + nameLength + extraLength;
    // With a data descriptor (flag bit 3) the size comes after the data: find the next header.
    offset = flags & 0x08 ? head.indexOf(LOCAL_FILE_HEADER, dataStart) : dataStart + compressedSize;
    if (offset < 0) break;
  }
  return names;
}

// Text a browser could take for a page or an image with script: refused, since a copy saved
// and opened locally is not covered by the headers we serve it with.
const MARKUP =
  /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|style|img|a\s)/i;

function looksLikeMarkup(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('<') || MARKUP.test(text);
}
