/**
 * The number of frames of an MP4 or MOV's video track, read from its sample tables (ISO/IEC 14496-12:
 * moov > trak > mdia > hdlr 'vide', minf > stbl > stsz or stz2): what ffmpeg counts when it copies the
 * stream to nowhere, without starting a process that reads all 20 MB. Returns null whenever the file
 * is not the plain case (fragmented, several video tracks, an edit list that cuts frames, truncated,
 * a box that does not add up), so the caller counts with ffmpeg instead.
 */
interface Box {
  type: string;
  /** Where the box's contents start and end in the buffer. */
  start: number;
  end: number;
}

/** The boxes directly inside [start, end); null when a size runs past the end (a damaged file). */
function children(b: Buffer, start: number, end: number): Box[] | null {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return null;
      const large = b.readBigUInt64BE(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return null;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - at; // the last box, running to the end of its parent
    }
    if (size < header || at + size > end) return null;
    boxes.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

function child(b: Buffer, box: Box, type: string): Box | null {
  return children(b, box.start, box.end)?.find((c) => c.type === type) ?? null;
}

/** hdlr: version/flags (4), pre_defined (4), handler_type (4). */
function handlerType(b: Buffer, mdia: Box): string | null {
  const hdlr = child(b, mdia, 'hdlr');
  return hdlr && hdlr.end - hdlr.start >= 12 ? b.toString('latin1', hdlr.start + 8, hdlr.start + 12) : null;
}

/** stsz: version/flags (4), sample_size (4), sample_count (4); stz2: version/flags (4), reserved + field_size (4), sample_count (4). */
function sampleCount(b: Buffer, stbl: Box): number | null {
  const table = child(b, stbl, 'stsz') ?? child(b, stbl, 'stz2');
  return table && table.end - table.start >= 12 ? b.readUInt32BE(table.start + 8) : null;
}

/** mvhd and mdhd: version (1), flags (3), then times and the timescale; version 1 has 64-bit times. */
function timescaleAndDuration(b: Buffer, box: Box | null): { timescale: number; duration: number } | null {
  if (!box) return null;
  const v1 = b[box.start] === 1;
  const need = v1 ? 32 : 20;
  if (box.end - box.start < need) return null;
  return v1
    ? { timescale: b.readUInt32BE(box.start + 20), duration: Number(b.readBigUInt64BE(box.start + 24)) }
    : { timescale: b.readUInt32BE(box.start + 12), duration: b.readUInt32BE(box.start + 16) };
}

/**
 * True when the track's edit list (if any) plays every sample: one edit, lasting the media's whole
 * duration to within a frame (its start is the B-frame delay encoders write: the first frame's
 * presentation time). Any other edit list (a cut, an empty edit, several edits) plays fewer or more
 * frames than the file holds.
 */
function editsKeepEveryFrame(b: Buffer, trak: Box, movieScale: number, media: { timescale: number; duration: number }, frames: number): boolean {
  const edts = child(b, trak, 'edts');
  const elst = edts && child(b, edts, 'elst');
  if (!edts) return true;
  if (!elst || elst.end - elst.start < 8) return false;
  const v1 = b[elst.start] === 1;
  if (b.readUInt32BE(elst.start + 4) !== 1 || elst.end - elst.start < 8 + (v1 ? 20 : 12)) return false;
  const at = elst.start + 8;
  const segment = v1 ? Number(b.readBigUInt64BE(at)) : b.readUInt32BE(at);
  const mediaTime = v1 ? Number(b.readBigInt64BE(at + 8)) : b.readInt32BE(at + 4);
  if (mediaTime < 0 || movieScale <= 0 || media.timescale <= 0) return false;
  const played = segment / movieScale;
  const whole = media.duration / media.timescale;
  return Math.abs(played - whole) < whole / frames;
}

export function mp4VideoFrameCount(b: Buffer): number | null {
  const top = children(b, 0, b.length);
  const moov = top?.find((box) => box.type === 'moov');
  if (!top || !moov || top.some((box) => box.type === 'moof')) return null;
  const inMoov = children(b, moov.start, moov.end);
  if (!inMoov || inMoov.some((box) => box.type === 'mvex')) return null; // fragmented: samples live in moof boxes
  const movie = timescaleAndDuration(b, inMoov.find((box) => box.type === 'mvhd') ?? null);
  if (!movie) return null;
  const counts: number[] = [];
  for (const trak of inMoov.filter((box) => box.type === 'trak')) {
    const mdia = child(b, trak, 'mdia');
    if (!mdia || handlerType(b, mdia) !== 'vide') continue;
    const stbl = (() => {
      const minf = child(b, mdia, 'minf');
      return minf && child(b, minf, 'stbl');
    })();
    const count = stbl ? sampleCount(b, stbl) : null;
    const media = timescaleAndDuration(b, child(b, mdia, 'mdhd'));
    if (!count || !media || !editsKeepEveryFrame(b, trak, movie.timescale, media, count)) return null;
    counts.push(count);
  }
  return counts.length === 1 && counts[0] > 0 ? counts[0] : null;
}
