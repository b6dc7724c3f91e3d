// MP4 boxes built by hand for the specs: no media files are needed to test reading their headers.

export const box = (type: string, body: Buffer): Buffer => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** An `mvhd` of version 0 (32-bit times) or 1 (64-bit), with scale and duration. */
export const mvhd = (version: 0 | 1, timescale: number, duration: number): Buffer => {
  const times = version === 1 ? 16 : 8;
  const body = Buffer.alloc(4 + times + (version === 1 ? 12 : 8) + 80);
  body[0] = version;
  body.writeUInt32BE(timescale, 4 + times);
  if (version === 1) body.writeBigUInt64BE(BigInt(duration), 4 + times + 4);
  else body.writeUInt32BE(duration, 4 + times + 4);
  return box('mvhd', body);
};

export const ftyp = box('ftyp', Buffer.from('M4A \0\0\0\0M4A mp42isom', 'latin1'));

/** An M4A with only a movie header, playing `ms` milliseconds. */
export const m4aLasting = (ms: number): Buffer =>
  Buffer.concat([ftyp, box('moov', mvhd(0, 1_000, ms))]);
