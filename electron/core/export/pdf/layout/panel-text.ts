import type { Panel } from '../../../../../shared/domain/board';
import type { BoardField } from '../../../../../shared/domain/export';
import { INK } from '../model';
import { transitionLabel } from '../../../../../shared/domain/board-constants';
import type { Span } from '../text/wrap';

/** 2000 ms -> "2s", 2500 -> "2.5s", 65000 -> "1:05". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return `${m}:${String(rest).padStart(2, '0')}`;
}

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The camera facts of a panel as one short line: "WS · Low · 35mm · Dolly in". */
export function cameraFacts(p: Panel, fields: ReadonlySet<BoardField>): string {
  const parts: string[] = [];
  if (fields.has('size') && p.shotSize) parts.push(p.shotSize);
  if (fields.has('angle') && p.angle) parts.push(capitalise(p.angle));
  if (fields.has('lens') && p.lensMm) parts.push(`${p.lensMm}mm`);
  if (fields.has('move') && p.cameraMove && p.cameraMove !== 'static') parts.push(capitalise(p.cameraMove));
  return parts.join(' · ');
}

/** Transition, status and tags on one labelled line: "Transition Dissolve  Status Approved  Tags market, hero". */
function shotFacts(p: Panel, fields: ReadonlySet<BoardField>): Span[] {
  const facts: [string, string][] = [];
  if (fields.has('transition') && p.transition) facts.push(['Transition', transitionLabel(p.transition)]);
  if (fields.has('status')) facts.push(['Status', capitalise(p.status)]);
  if (fields.has('tags') && p.tags.length) facts.push(['Tags', p.tags.join(', ')]);
  return facts.flatMap(([label, value], i) => [
    { text: `${i ? '   ' : ''}${label} `, role: 'bold' as const, color: INK.muted, label: true },
    { text: value, role: 'regular' as const, color: INK.muted },
  ]);
}

/** The panel's text as paragraphs: action plain, dialogue in italics, notes in grey, each labelled but the action. */
export function panelParagraphs(p: Panel, fields: ReadonlySet<BoardField>): Span[][] {
  const out: Span[][] = [];
  if (fields.has('action') && p.action.trim()) out.push([{ text: p.action.trim(), role: 'regular', color: INK.text }]);
  if (fields.has('dialogue') && p.dialogue.trim()) {
    out.push([{ text: 'Dialogue ', role: 'bold', color: INK.muted, label: true }, { text: p.dialogue.trim(), role: 'italic', color: INK.text }]);
  }
  if (fields.has('sound') && p.sound.trim()) {
    out.push([{ text: 'Sound ', role: 'bold', color: INK.muted, label: true }, { text: p.sound.trim(), role: 'regular', color: INK.text }]);
  }
  if (fields.has('notes') && p.notes.trim()) {
    out.push([{ text: 'Notes ', role: 'bold', color: INK.muted, label: true }, { text: p.notes.trim(), role: 'regular', color: INK.muted }]);
  }
  const facts = shotFacts(p, fields);
  if (facts.length) out.push(facts);
  return out;
}

/** The picture a panel prints: its sketch-over-image composite when it has one, else its image. */
export const panelPicture = (p: Panel): string | null => p.thumbSha256 ?? p.imageSha256;
