import { mp4DurationMs } from './mp4-duration';
import { box, ftyp, mvhd } from './mp4-fixture';

describe('mp4DurationMs', () => {
  it('reads the movie header after the file type and any other box', () => {
    const file = Buffer.concat([
      ftyp,
      box('free', Buffer.alloc(16)),
      box('moov', Buffer.concat([mvhd(0, 44_100, 44_100 * 61 + 22_050)])),
      box('mdat', Buffer.alloc(32)),
    ]);
    expect(mp4DurationMs(file)).toBe(61_500);
  });

  it('reads a version 1 header with 64-bit times', () => {
    const file = Buffer.concat([ftyp, box('moov', mvhd(1, 1_000, 12_345))]);
    expect(mp4DurationMs(file)).toBe(12_345);
  });

  it('says nothing of a file without a movie header, a zero duration or a broken box size', () => {
    expect(mp4DurationMs(Buffer.concat([ftyp, box('mdat', Buffer.alloc(8))]))).toBeUndefined();
    expect(mp4DurationMs(Buffer.concat([ftyp, box('moov', mvhd(0, 600, 0))]))).toBeUndefined();
    const broken = Buffer.concat([ftyp, box('moov', mvhd(0, 600, 6_000))]);
    broken.writeUInt32BE(0xffff, ftyp.length); // moov claims more bytes than the file has
    expect(mp4DurationMs(broken)).toBeUndefined();
    expect(mp4DurationMs(Buffer.alloc(3))).toBeUndefined();
  });
});
