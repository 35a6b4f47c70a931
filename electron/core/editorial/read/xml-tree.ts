/**
 * XML read into a small tree with saxes: a strict XML 1.0 parser that checks well-formedness and
 * knows no DTDs, so no entity, internal or external, is ever expanded or fetched. A document that
 * declares any (a DOCTYPE with an internal subset) is refused outright.
 */
import { SaxesParser } from 'saxes';
import { CoreError } from '../../errors';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text (not its children's), concatenated. */
  text: string;
}

export function parseXml(text: string, label: string): XmlNode {
  const parser = new SaxesParser({ position: true });
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let failure: CoreError | null = null;
  const fail = (e: CoreError) => {
    failure ??= e;
    throw e;
  };
  parser.on('doctype', (doctype) => {
    if (/[[\]]|<!ENTITY|SYSTEM|PUBLIC/i.test(doctype)) {
      fail(new CoreError('BAD_INPUT', `${label} declares a DTD or entities in its DOCTYPE; Boardwright does not read those (they are never resolved).`));
    }
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('error', (e) => {
    const detail = e.message.replace(/^[^:]*:\d+:\d+: /, '');
    fail(new CoreError('BAD_INPUT', `${label} is not well-formed XML (line ${parser.line}, column ${parser.column}): ${detail}`));
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) throw failure;
    throw new CoreError('BAD_INPUT', `${label} is not well-formed XML: ${(e as Error).message}`);
  }
  const top = root.children[0];
  if (!top) throw new CoreError('BAD_INPUT', `${label} has no root element.`);
  return top;
}

/** The first child with a name. */
export const child = (n: XmlNode | undefined, name: string): XmlNode | undefined => n?.children.find((c) => c.name === name);
/** All children with a name. */
export const childrenNamed = (n: XmlNode | undefined, name: string): XmlNode[] => n?.children.filter((c) => c.name === name) ?? [];
/** The trimmed text of a child element, or undefined. */
export const childText = (n: XmlNode | undefined, name: string): string | undefined => child(n, name)?.text.trim();

/** Depth-first search for the first element with a name. */
export function findFirst(n: XmlNode, name: string): XmlNode | undefined {
  for (const c of n.children) {
    if (c.name === name) return c;
    const deeper = findFirst(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Every element with a name, depth first. */
export function findAll(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    findAll(c, name, out);
  }
  return out;
}
