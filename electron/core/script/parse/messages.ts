import { CoreError } from '../../errors';

/** The one-line errors the parsers throw. `name` is the file's base name. */
export const MAX_SCRIPT_BYTES = 20 * 1024 * 1024;

/**
 * Bounds on what a file may hold, far above any screenplay (a feature is ~8,000 Fountain lines,
 * ~15,000 XML elements), so a hostile or mistaken file is refused in about a second instead of
 * taking minutes and gigabytes.
 */
export const MAX_SCRIPT_LINES = 200_000;
export const MAX_NOTES = 20_000;
export const MAX_XML_ELEMENTS = 200_000;

/** Thrown by the readers, which do not know the file name; parseScript turns it into tooLong. */
export class ScriptTooLong extends Error {}

export const tooLong = (name: string, what: string) => new CoreError('TOO_LARGE', `${name} is too long to be a screenplay (${what}).`);

export const notScreenplay = (name: string) => new CoreError('UNSUPPORTED', `${name} is not a screenplay (Fountain or Final Draft .fdx).`);

export const tooLarge = (name: string, bytes: number) =>
  new CoreError('TOO_LARGE', `${name} is too large to be a screenplay (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SCRIPT_BYTES / 1024 / 1024} MB).`);

export const emptyScript = (name: string) => new CoreError('BAD_INPUT', `${name} is empty: there is no screenplay text in it.`);

export const damagedXml = (name: string, detail: string) => new CoreError('BAD_INPUT', `${name} is damaged: its XML could not be read (${detail}).`);

export const notFinalDraft = (name: string) => new CoreError('UNSUPPORTED', `${name} is XML but not a Final Draft screenplay.`);

export const noFdxContent = (name: string) => new CoreError('BAD_INPUT', `${name} has no script in it (no <Content> in the Final Draft file).`);
