/** Base64 for the one file that still travels inside JSON: the PDF cover logo (at most 5 MB, kept in export presets). Images and audio go on the upload channel (api.upload). */
/** Encodes bytes as base64 without building one giant argument list (chunks of 32 KiB). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}

/** Reads a File chosen by the user as base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
