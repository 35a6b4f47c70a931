import type { XNode } from './xml';

export const child = (n: XNode, name: string) => n.children.find((c) => c.name === name);
export const childrenNamed = (n: XNode, name: string) => n.children.filter((c) => c.name === name);

/**
 * A paragraph's text: every <Text> run directly in it, joined (a reader that takes only the first
 * run loses words). Runs styled AllCaps are upper-cased, as Final Draft prints them.
 */
export function runsText(p: XNode): string {
  let out = '';
  for (const c of p.children) {
    if (c.name !== 'Text') continue;
    const style = c.attrs.Style ?? '';
    out += /(^|\+)AllCaps(\+|$)/.test(style) ? c.text.toUpperCase() : c.text;
  }
  return out.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
}

/** The text of nested <Paragraph>s (ScriptNote, Summary), one per line. */
export function paragraphsText(n: XNode): string {
  return childrenNamed(n, 'Paragraph')
    .map((p) => runsText(p).trim())
    .filter(Boolean)
    .join('\n');
}
