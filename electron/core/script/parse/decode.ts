import { notScreenplay } from './messages';

/**
 * Bytes to text. UTF-8 with or without BOM; UTF-16 LE/BE with a BOM. Bytes that are not valid UTF-8
 * are read as Windows-1252 (what older Windows editors and Final Draft 7 wrote; every byte decodes),
 * with a warning, rather than refused: a screenplay with a few mangled accents can still be imported.
 * Binary content (a NUL byte, or many control characters) is refused as not a screenplay.
 */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: string[];
}

// Windows-1252 0x80..0x9F; the five undefined bytes map to the same code point, as WHATWG does.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = new Array<number>(Math.min(CHUNK, bytes.length - start));
    for (let i = 0; i < codes.length; i++) {
      const b = bytes[start + i];
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** NUL anywhere, or more than 1 in 100 of the first 64 KB being control characters other than tab, LF, FF, CR. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) controls++;
  }
  return controls > n / 100;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

function utf16(bytes: Uint8Array, bigEndian: boolean, name: string): Decoded {
  const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
  if (bigEndian) body.swap16();
  const text = new TextDecoder('utf-16le').decode(body);
  if (text.indexOf('\u0000') >= 0) throw notScreenplay(name);
  return { text: text.replace(CONTROL_CHARS, ''), encoding: bigEndian ? 'utf-16be' : 'utf-16le', warnings: [] };
}

/** `declared`: the encoding an XML declaration names, if any (ISO-8859-1 and Windows-1252 are honoured). */
export function decode(bytes: Uint8Array, name: string, declared?: string | null): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, false, name);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, true, name);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw notScreenplay(name);
  const latin = declared && /^(iso-?8859-1|latin-?1|windows-1252|cp1252|us-ascii)$/i.test(declared.trim());
  if (latin && !bom) return { text: decodeWindows1252(body).replace(CONTROL_CHARS, ''), encoding: 'windows-1252', warnings: [] };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text: text.replace(CONTROL_CHARS, ''), encoding: 'utf-8', warnings: [] };
  } catch {
    return {
      text: decodeWindows1252(body).replace(CONTROL_CHARS, ''),
      encoding: 'windows-1252',
      warnings: [`${name} is not valid UTF-8: it was read as Windows-1252 (Western European); check accented letters.`],
    };
  }
}
