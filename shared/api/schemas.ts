/** zod building blocks shared by the method groups of the contract. */
import { z } from 'zod';
import { ASPECT_RATIOS, PANEL_STATUSES } from '../domain/board-constants';
import { UPLOAD_ID_PATTERN } from './uploads';

/** Declares a method: its input schema now, its result type as a type parameter. */
export function method<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });
}

export const noInput = z.object({}).strict();
export const id = z.string().min(1).max(64);
export const ids = z.array(id).min(1).max(10_000);
export const text = z.string().max(20_000);
/**
 * A path a file is read from or written to. No NUL (SQLite's C API would cut the name there and create
 * a stray file) and absolute (a relative path would depend on the server's working folder). Whether its
 * folder exists is the core's to check: that is a FILE_NOT_FOUND, not a malformed request.
 */
export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'A file path cannot contain a NUL character')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'Give an absolute file path');
export const projectPath = filePath.refine((p) => p.toLowerCase().endsWith('.boardwright'), 'A project file name ends with .boardwright');
/** Any output file the user picked (exports); the extension is checked by each export. */
export const outputPath = filePath;
export const aspectRatio = z.enum(ASPECT_RATIOS);
export const fps = z.number().positive().max(240);
export const durationMs = z.number().int().min(1).max(3_600_000);

export const panelPatch = z
  .object({
    shotNumberOverride: z.string().trim().min(1).max(16).nullable(),
    durationMs,
    shotSize: z.string().max(32).nullable(),
    angle: z.string().max(32).nullable(),
    lensMm: z.number().positive().max(2000).nullable(),
    cameraMove: z.string().max(32).nullable(),
    action: text,
    dialogue: text,
    sound: text,
    transition: z.string().max(32).nullable(),
    notes: text,
    status: z.enum(PANEL_STATUSES),
    tags: z.array(z.string().min(1).max(64)).max(64),
  })
  .partial()
  .strict();

export const scenePatch = z.object({ heading: z.string().max(500), synopsis: text }).partial().strict();

export { MAX_IMAGE_BYTES } from './uploads';
/** The id of bytes sent beforehand on the upload channel (shared/api/uploads.ts), used once. */
export const uploadId = z.string().regex(UPLOAD_ID_PATTERN, 'Not an upload id');
