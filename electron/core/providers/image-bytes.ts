/** Small helpers for image payloads and frame shapes, shared by the adapters. */

/** The image type from the first bytes, or null when it is not an image we store. */
export function sniffImageMime(data: Buffer): string | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  if (data.length >= 6 && data.toString('ascii', 0, 4) === 'GIF8') return 'image/gif';
  return null;
}

/** Decodes base64 image data, with or without a `data:image/...;base64,` prefix. */
export function decodeBase64(data: string): Buffer {
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  return Buffer.from(comma >= 0 ? data.slice(comma + 1) : data, 'base64');
}

/** An image as a Blob part for multipart forms (a copy: Blob wants a plain ArrayBuffer view). */
export const toBlob = (img: { mime: string; data: Buffer }): Blob => new Blob([new Uint8Array(img.data)], { type: img.mime });

export const toDataUrl = (img: { mime: string; data: Buffer }): string => `data:${img.mime};base64,${img.data.toString('base64')}`;

export function extensionOf(mime: string): string {
  return mime === 'image/jpeg' ? 'jpg' : mime === 'image/webp' ? 'webp' : mime === 'image/gif' ? 'gif' : 'png';
}

/** "16:9" -> 1.777..., "2.39:1" or "2.39" -> 2.39; falls back to width/height. */
export function ratioOf(aspect: string | undefined, width: number, height: number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?::\s*(\d+(?:\.\d+)?))?\s*$/.exec(aspect ?? '');
  if (m) {
    const r = Number(m[1]) / (m[2] ? Number(m[2]) : 1);
    if (r > 0 && Number.isFinite(r)) return r;
  }
  return width > 0 && height > 0 ? width / height : 1;
}

/** The supported ratio closest to `ratio` (compared in log space, so 2:1 and 1:2 are equally far from 1:1). */
export function nearestAspect(ratio: number, supported: readonly string[]): string {
  let best = supported[0];
  let bestDist = Infinity;
  for (const s of supported) {
    const dist = Math.abs(Math.log(ratioOf(s, 1, 1)) - Math.log(ratio));
    if (dist < bestDist) {
      best = s;
      bestDist = dist;
    }
  }
  return best;
}

/** Rounds to a multiple of `step` (diffusion models want multiples of 8), at least one step. */
export const roundTo = (n: number, step: number): number => Math.max(step, Math.round(n / step) * step);

/** A random seed in 0..2^32-1, as most local samplers take. */
export const randomSeed = (random: () => number): number => Math.floor(random() * 0xffffffff);
