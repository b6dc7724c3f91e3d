import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIME, sniffFileType, SNIFF_HEAD_BYTES } from './sniff-file-type';

// The samples are real files: the images and the PDF written by Pillow, the docx and zip by
// Python's zipfile; the hostile ones are what an attacker would upload.
function sniff(sample: string): string | null {
  const bytes = readFileSync(path.join(__dirname, 'samples', sample));
  return sniffFileType({ head: bytes.subarray(0, SNIFF_HEAD_BYTES), utf8Text: isUtf8Text(bytes) });
}

function isUtf8Text(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

describe('sniffFileType: the type of an upload, from its bytes alone', () => {
  it.each([
    ['sample.png', MIME.png],
    ['sample.jpg', MIME.jpeg],
    ['sample.gif', MIME.gif],
    ['sample.webp', MIME.webp],
    ['sample.pdf', MIME.pdf],
    ['sample.docx', MIME.docx],
    ['sample.zip', MIME.zip],
    ['notes.txt', MIME.text],
  ])('recognises %s as %s', (sample, type) => {
    expect(sniff(sample)).toBe(type);
  });

  it.each([
    ['script.svg', 'an SVG carrying a script'],
    ['page-renamed.png', 'an HTML page named .png'],
    ['polyglot.png', 'a PNG signature glued onto an HTML page'],
    ['program.exe', 'a Windows executable'],
  ])('refuses %s (%s)', (sample) => {
    expect(sniff(sample)).toBeNull();
  });

  it('refuses text that is markup further in, and text that is not UTF-8 or holds a NUL', () => {
    const text = (value: string, utf8Text = true) =>
      sniffFileType({ head: Buffer.from(value, 'utf8'), utf8Text });

    expect(text('Dear support,\nsee <script>alert(1)</script>')).toBeNull();
    expect(text('\uFEFF  <svg onload=alert(1)>')).toBeNull();
    expect(text('plain words, 1 < 2 and 3 > 2')).toBe(MIME.text);
    expect(text('not utf-8', false)).toBeNull();
  });

  it('tells Office documents from plain zips by their entries, and knows mp3 and mp4', () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1')]);
    const id3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.alloc(20, 1)]);
    const mpegFrame = Buffer.from([0xff, 0xfb, 0x90, 0x64]);

    expect(sniffFileType({ head: mp4, utf8Text: false })).toBe(MIME.mp4);
    expect(sniffFileType({ head: id3, utf8Text: false })).toBe(MIME.mp3);
    expect(sniffFileType({ head: mpegFrame, utf8Text: false })).toBe(MIME.mp3);
  });
});
