/** Writing XML text: escaping, and elements built as strings (thousands of clips, no DOM). */

/** Characters XML 1.0 cannot carry at all (control characters other than tab, CR and LF; lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

type Attrs = Record<string, string | number | null | undefined>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) out += ` ${k}="${escapeAttr(String(v))}"`;
  return out;
}

/** <name a="1">children</name>, or <name a="1"/> when there are none. */
export function el(name: string, attrs: Attrs = {}, children: readonly (string | null | false | undefined)[] = []): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c.length > 0).join('');
  return inner ? `<${name}${attrText(attrs)}>${inner}</${name}>` : `<${name}${attrText(attrs)}/>`;
}

/** <name>text</name> (escaped). */
export function textEl(name: string, text: string | number): string {
  return `<${name}>${escapeText(String(text))}</${name}>`;
}
