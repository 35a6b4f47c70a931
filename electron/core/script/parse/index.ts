import { CoreError, isCoreError } from '../../errors';
import { assemble } from './assemble';
import { decode } from './decode';
import { baseName, checkName, declaredXmlEncoding, detectFormat } from './detect';
import { readFdx } from './fdx/read';
import { parseXml } from './fdx/xml';
import { readFountain } from './fountain';
import { emptyScript, MAX_SCRIPT_BYTES, ScriptTooLong, tooLarge, tooLong } from './messages';
import type { Screenplay } from './model';

export type * from './model';
export { dialogueText, joinDialogue } from './dialogue-text';
export { MAX_NOTES, MAX_SCRIPT_BYTES, MAX_SCRIPT_LINES, MAX_XML_ELEMENTS } from './messages';

/**
 * The single entry point: a screenplay file's bytes and name (for the format and the messages) to a
 * Screenplay. Throws only CoreError: UNSUPPORTED (not a screenplay), TOO_LARGE (over MAX_SCRIPT_BYTES,
 * or more lines, notes or XML elements than any screenplay has),
 * BAD_INPUT (empty, or a damaged Final Draft file); anything unexpected becomes INTERNAL.
 */
export function parseScript(bytes: Uint8Array, fileName: string): Screenplay {
  const name = baseName(fileName);
  try {
    if (bytes.length > MAX_SCRIPT_BYTES) throw tooLarge(name, bytes.length);
    checkName(bytes, name);
    const decoded = decode(bytes, name, declaredXmlEncoding(bytes));
    if (decoded.text.replace(/^\uFEFF/, '').trim() === '') throw emptyScript(name);
    const format = detectFormat(decoded.text, name);
    const read = format === 'fdx' ? readFdx(parseXml(decoded.text, name), name) : readFountain(decoded.text);
    const screenplay = assemble(format, read);
    screenplay.warnings.unshift(...decoded.warnings);
    return screenplay;
  } catch (e) {
    if (isCoreError(e)) throw e;
    if (e instanceof ScriptTooLong) throw tooLong(name, e.message);
    throw new CoreError('INTERNAL', `${name} could not be read as a screenplay: ${(e as Error)?.message ?? String(e)}`);
  }
}
