import type { TitleEntry } from '../model';
import { child, childrenNamed, runsText } from './text';
import type { XNode } from './xml';

/**
 * Final Draft title pages are free paragraphs without keys. As afterwriting does, they are mapped by
 * order: paragraphs are grouped (an empty paragraph, or a change of alignment, ends a group); the
 * centred groups (or all of them when no paragraph states an alignment) become Title, Credit, Author,
 * Source in turn, and any after those Notes; a left-aligned group is Contact, a right-aligned one
 * Draft date. A group's paragraphs are its value's lines.
 */
const ORDER = ['Title', 'Credit', 'Author', 'Source'];

export function readTitlePage(root: XNode): TitleEntry[] {
  const tp = child(root, 'TitlePage');
  const content = tp && child(tp, 'Content');
  if (!content) return [];
  const paragraphs = childrenNamed(content, 'Paragraph');
  const anyAlignment = paragraphs.some((p) => p.attrs.Alignment);
  const groups: { align: string; lines: string[] }[] = [];
  let open: { align: string; lines: string[] } | null = null;
  for (const p of paragraphs) {
    const text = runsText(p).trim();
    const align = anyAlignment ? (p.attrs.Alignment ?? 'Left') : 'Center';
    if (!text) {
      open = null;
      continue;
    }
    if (!open || open.align !== align) {
      open = { align, lines: [] };
      groups.push(open);
    }
    open.lines.push(...text.split('\n').map((l) => l.trim()).filter(Boolean));
  }
  let next = 0;
  return groups.map((g) => {
    const key = g.align === 'Center' ? (ORDER[next++] ?? 'Notes') : g.align === 'Right' ? 'Draft date' : 'Contact';
    return { key, value: g.lines.join('\n') };
  });
}
