/**
 * The binary upload channel: image and audio bytes travel apart from the JSON API, as raw bytes (web
 * mode: POST /upload/<kind> with an application/octet-stream body; Electron: a Uint8Array over IPC).
 * The core keeps them for a short time under an opaque upload id, which API methods then take in
 * place of the bytes. No zod here, so the renderer can import the limits.
 */

/** Largest image accepted (panels, character images, style references). */
export const MAX_IMAGE_BYTES = 200 * 1024 * 1024;
/** Largest audio file accepted (animatic soundtrack and panel audio). */
export const MAX_AUDIO_BYTES = 200 * 1024 * 1024;

/** Largest screenplay accepted (Fountain or Final Draft); the script parser refuses larger ones too. */
export const MAX_SCRIPT_BYTES = 20 * 1024 * 1024;

/** Largest editorial timeline accepted for a conform (OTIO, FCPXML, xmeml, EDL); the reader refuses larger ones too. */
export const MAX_TIMELINE_BYTES = 32 * 1024 * 1024;

export const UPLOAD_LIMITS = { image: MAX_IMAGE_BYTES, audio: MAX_AUDIO_BYTES, script: MAX_SCRIPT_BYTES, timeline: MAX_TIMELINE_BYTES } as const;
export type UploadKind = keyof typeof UPLOAD_LIMITS;

export function isUploadKind(kind: unknown): kind is UploadKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(UPLOAD_LIMITS, kind);
}

/** What an accepted upload answers: the id to pass to an API method, and how many bytes arrived. */
export interface UploadReceipt {
  uploadId: string;
  bytes: number;
}

/** Upload ids are 24 base64url characters (18 random bytes). */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** Web mode: where the renderer POSTs the bytes of one upload. */
export const uploadPath = (kind: UploadKind): string => `/upload/${kind}`;

/** Electron: the IPC channel the preload's upload function invokes. */
export const UPLOAD_CHANNEL = 'bw:upload';
