import { SaxesParser } from 'saxes';
import { damagedXml, MAX_XML_ELEMENTS, ScriptTooLong } from '../messages';

/**
 * A small element tree built from saxes events. saxes is a streaming, non-recursive parser that
 * does not process DTDs: a DOCTYPE is skipped, its entities (external files, "billion laughs") are
 * never defined, so a reference to one is an "undefined entity" error, never a file or network
 * read nor an expansion. The tree is built with an explicit stack and capped at MAX_DEPTH (a Final
 * Draft file is about eight levels deep), so deep nesting cannot exhaust the call stack either.
 * Only text inside <Text> elements is kept; that is all the reader needs.
 */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Character data, for <Text> elements only. */
  text: string;
}

const MAX_DEPTH = 64;

export function parseXml(xml: string, name: string): XNode {
  const parser = new SaxesParser({ position: true });
  const root: XNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  let skipped = 0;
  let elements = 0;
  let error: string | null = null;

  parser.on('error', (e) => {
    if (error === null) error = `line ${parser.line}: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '')}`;
  });
  parser.on('opentag', (tag) => {
    if (++elements > MAX_XML_ELEMENTS) throw new ScriptTooLong(`over ${MAX_XML_ELEMENTS.toLocaleString('en')} XML elements`);
    if (skipped > 0 || stack.length > MAX_DEPTH) {
      skipped++;
      if (error === null) error = 'the elements are nested too deeply for a screenplay';
      return;
    }
    const node: XNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    if (skipped > 0) skipped--;
    else if (stack.length > 1) stack.pop();
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (skipped === 0 && top.name === 'Text') top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const CHUNK = 1 << 20;
  for (let i = 0; i < xml.length && error === null; i += CHUNK) parser.write(xml.slice(i, i + CHUNK));
  if (error === null) parser.close();
  if (error !== null) throw damagedXml(name, error);
  return root;
}
