// The movie header of an MP4/M4A file says how long it plays: `moov` › `mvhd` holds a time scale
// (units per second) and a duration in those units. LINE's audio message needs that length, and
// reading two numbers does not justify a media library.

const BOX_HEADER = 8;

/** The playing time of an MP4 or M4A file in milliseconds, or undefined when it has none. */
export function mp4DurationMs(file: Buffer): number | undefined {
  const moov = findBox(file, 'moov', 0, file.length);
  const mvhd = moov && findBox(file, 'mvhd', moov.start, moov.end);
  if (!mvhd) return undefined;
  const version = file[mvhd.start];
  // version, flags (4), then two times of 4 bytes (version 0) or 8 bytes (version 1).
  const at = mvhd.start + 4 + (version === 1 ? 16 : 8);
  if (at + (version === 1 ? 12 : 8) > mvhd.end) return undefined;
  const timescale = file.readUInt32BE(at);
  const duration = version === 1 ? Number(file.readBigUInt64BE(at + 4)) : file.readUInt32BE(at + 4);
  if (timescale === 0 || duration === 0) return undefined;
  return Math.round((duration * 1000) / timescale);
}

/** The body (start..end) of the first box of `type` among the boxes laid between from and to. */
function findBox(
  file: Buffer,
  type: string,
  from: number,
  to: number,
): { start: number; end: number } | undefined {
  let at = from;
  while (at + BOX_HEADER <= to) {
    let size = file.readUInt32BE(at);
    let header = BOX_HEADER;
    if (size === 1) {
      // A 64-bit size follows the type.
      if (at + 16 > to) return undefined;
      size = Number(file.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at; // the box runs to the end
    }
    if (size < header || at + size > to) return undefined;
    if (file.toString('latin1', at + 4, at + 8) === type) {
      return { start: at + header, end: at + size };
    }
    at += size;
  }
  return undefined;
}
