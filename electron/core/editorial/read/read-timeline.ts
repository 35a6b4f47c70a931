/**
 * `readEditorialTimeline`: a timeline file an editor sends back (.otio, .fcpxml, .xml, .edl) as clips
 * in timeline order with their panel ids. Pure: bytes in, clips out; nothing is resolved or fetched.
 */
import path from 'node:path';
import { CoreError } from '../../errors';
import { editorialRate } from '../frames';
import type { ParsedTimeline } from '../model';
import { readEdl } from './edl';
import { readFcpxml } from './fcpxml';
import { readOtio } from './otio';
import { readXmeml } from './xmeml';
import { parseXml } from './xml-tree';

/** The largest timeline file read (a 2,000-clip OTIO is about 3 MB); the upload channel has the same limit. */
export { MAX_TIMELINE_BYTES } from '../../../../shared/api/uploads';
import { MAX_TIMELINE_BYTES } from '../../../../shared/api/uploads';

export interface ReadOptions {
  /** The rate an EDL is read at (EDLs do not say): the project's. Default 24. */
  fps?: number;
}

function decode(bytes: Uint8Array | string, label: string): string {
  if (typeof bytes === 'string') return bytes.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CoreError('BAD_INPUT', `${label} is not UTF-8 text.`);
  }
}

export function readEditorialTimeline(bytes: Uint8Array | string, fileName: string, opts: ReadOptions = {}): ParsedTimeline {
  const label = path.basename(fileName) || 'The timeline';
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_TIMELINE_BYTES) {
    throw new CoreError('TOO_LARGE', `${label} is ${Math.round(size / 1024 / 1024)} MB: a timeline to conform can be at most ${MAX_TIMELINE_BYTES / 1024 / 1024} MB.`);
  }
  if (size === 0) throw new CoreError('BAD_INPUT', `${label} is empty.`);
  const ext = path.extname(fileName).toLowerCase();
  const text = decode(bytes, label);
  switch (ext) {
    case '.otio':
      return readOtio(text, label);
    case '.edl':
      return readEdl(text, label, editorialRate(opts.fps ?? 24));
    case '.fcpxml':
    case '.xml': {
      const root = parseXml(text, label);
      if (root.name === 'fcpxml') return readFcpxml(root, label);
      if (root.name === 'xmeml') return readXmeml(root, label);
      throw new CoreError('BAD_INPUT', `${label} is neither FCPXML nor Final Cut Pro 7 XML (its root element is <${root.name}>).`);
    }
    default:
      throw new CoreError('BAD_INPUT', `${label}: Boardwright reads .otio, .fcpxml, .xml (Final Cut Pro 7 / Premiere) and .edl timelines.`);
  }
}
