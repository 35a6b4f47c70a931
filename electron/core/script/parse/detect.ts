import { notScreenplay } from './messages';
import type { ScriptFormat } from './model';

/**
 * Which reader gets a file. Extensions: .fountain, .spmd, .txt -> Fountain; .fdx -> Final Draft.
 * Content wins over the extension when it is clearly XML (`<?xml`, `<FinalDraft`): a .txt holding
 * Final Draft XML is read as FDX. A file with no extension is read by its content; any other
 * extension (.docx, .pdf, .rtf, .fadein, .celtx …) is refused, as are files that start with the
 * signature of a document format (PDF, ZIP-based, OLE, RTF) whatever their name.
 */
const FOUNTAIN_EXTENSIONS = new Set(['.fountain', '.spmd', '.txt']);

export const baseName = (fileName: string) => fileName.split(/[\\/]/).pop() || fileName;

export function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const SIGNATURES: number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .docx, .odt, .fadein, .highland, .celtx
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: .doc
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

export function hasDocumentSignature(bytes: Uint8Array): boolean {
  return SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b));
}

/** Refuses what is certainly not a screenplay before any decoding. */
export function checkName(bytes: Uint8Array, name: string): void {
  const ext = extensionOf(name);
  if (hasDocumentSignature(bytes)) throw notScreenplay(name);
  if (ext && ext !== '.fdx' && !FOUNTAIN_EXTENSIONS.has(ext) && !looksLikeXml(bytes)) throw notScreenplay(name);
}

function looksLikeXml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\u0000/g, '');
  return /^\s*<(\?xml|FinalDraft)/.test(head);
}

/** The encoding an XML declaration names, read from the first bytes, or null. */
export function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head);
  return m ? m[1] : null;
}

export function detectFormat(text: string, name: string): ScriptFormat {
  if (/^\s*<(\?xml|FinalDraft\b)/.test(text)) return 'fdx';
  if (extensionOf(name) === '.fdx') return 'fdx';
  return 'fountain';
}
