
import { seededRandom as mulberry32 } from '../../shared/util/seeded-random';/**
 * A generated feature-length screenplay for the script benchmarks: `scenes` scenes (150 by default:
 * about 120 pages, 2,000+ action and dialogue elements, with notes, dual dialogue, emphasis and
 * transitions), written as Fountain or as Final Draft .fdx. Seeded: the same script every run.
 */

export type Item =
  | { k: 'action'; text: string }
  | { k: 'dialogue'; cue: string; paren: string | null; lines: string[]; dual?: boolean }
  | { k: 'transition'; text: string }
  | { k: 'note'; text: string };
export interface Scene { heading: string; number: string; synopsis: string | null; eighths: number; items: Item[] }

const NAMES = ['MAYA', 'BOB', 'GRANDPA', 'JOSÉ', 'DR. ALVAREZ', "O'BRIEN", 'STRANGER', 'OFFICER #1', 'LENA', 'MR. PIKE', 'TOMMY', 'ÉLODIE'];
const PLACES = ['CORNER STORE', 'KITCHEN', 'ROOFTOP', 'POLICE STATION', 'CAR', 'HOSPITAL CORRIDOR', 'PARK', 'BASEMENT', 'TRAIN PLATFORM', 'DINER'];
const WORDS = 'the a rain door light window shadow slowly quietly her his hand table glass phone street night morning across under over runs looks turns waits stops opens closes'.split(' ');

export function generate(SCENES = 150): Scene[] {
  const r = mulberry32(120);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    if (r() < 0.15) w[1] = `*${w[1]}*`;
    const s = w.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  return Array.from({ length: SCENES }, (_, i) => {
    const items: Item[] = [];
    const count = 13 + Math.floor(r() * 4);
    for (let j = 0; j < count; j++) {
      if (j % 2 === 0) items.push({ k: 'action', text: Array.from({ length: 1 + Math.floor(r() * 2) }, () => sentence(5 + Math.floor(r() * 6))).join(' ') });
      else {
        const name = pick(NAMES);
        const ext = r() < 0.15 ? ' (V.O.)' : r() < 0.1 ? " (CONT'D)" : '';
        items.push({ k: 'dialogue', cue: name + ext, paren: r() < 0.25 ? `(${pick(WORDS)})` : null, lines: Array.from({ length: r() < 0.3 ? 2 : 1 }, () => sentence(3 + Math.floor(r() * 6))) });
        if (r() < 0.05) items.push({ k: 'dialogue', cue: pick(NAMES), paren: null, lines: [sentence(4)], dual: true });
      }
      if (r() < 0.04) items.push({ k: 'note', text: `Check ${pick(WORDS)} ${pick(WORDS)}` });
    }
    if (r() < 0.3) items.push({ k: 'transition', text: 'CUT TO:' });
    return { heading: `${i % 3 === 0 ? 'EXT' : 'INT'}. ${pick(PLACES)} - ${i % 2 ? 'DAY' : 'NIGHT'}`, number: String(i + 1), synopsis: r() < 0.3 ? sentence(6) : null, eighths: 5 + (i % 4), items };
  });
}

export function toFountain(scenes: Scene[]): string {
  const out = ['Title: The Long Night Shift', 'Credit: Written by', 'Author: A. Bench', 'Draft date: 2026', '', 'FADE IN:', ''];
  for (const s of scenes) {
    out.push(`${s.heading} #${s.number}#`, '');
    if (s.synopsis) out.push(`= ${s.synopsis}`, '');
    for (const it of s.items) {
      if (it.k === 'action') out.push(it.text);
      else if (it.k === 'transition') out.push(it.text);
      else if (it.k === 'note') out.push(`[[${it.text}]]`);
      else out.push(it.dual ? `${it.cue} ^` : it.cue, ...(it.paren ? [it.paren] : []), ...it.lines);
      out.push('');
    }
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Plain text with Fountain italics turned into Final Draft style runs. */
const runs = (s: string) =>
  s
    .split(/(\*[^*]+\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('*') ? `<Text Style="Italic">${esc(part.slice(1, -1))}</Text>` : `<Text>${esc(part)}</Text>`))
    .join('');
const p = (type: string, text: string, attrs = '') => `    <Paragraph Type="${type}"${attrs}>\n      ${runs(text)}\n    </Paragraph>`;

export function toFdx(scenes: Scene[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="no" ?>', '<FinalDraft DocumentType="Script" Template="No" Version="5">', '  <Content>', p('Transition', 'FADE IN:')];
  for (const s of scenes) {
    const summary = s.synopsis ? `<Summary><Paragraph Type="Action">${runs(s.synopsis)}</Paragraph></Summary>` : '';
    out.push(`    <Paragraph Number="${s.number}" Type="Scene Heading">\n      <SceneProperties Length="${s.eighths}/8" Page="1" Title="">${summary}</SceneProperties>\n      ${runs(s.heading)}\n    </Paragraph>`);
    for (let i = 0; i < s.items.length; i++) {
      const it = s.items[i];
      const speech = (d: Extract<Item, { k: 'dialogue' }>) => [p('Character', d.cue), ...(d.paren ? [p('Parenthetical', d.paren)] : []), ...d.lines.map((l) => p('Dialogue', l))];
      if (it.k === 'action') out.push(p('Action', it.text));
      else if (it.k === 'transition') out.push(p('Transition', it.text));
      else if (it.k === 'note') out.push(`    <Paragraph Type="Action"><ScriptNote ID="${i}"><Paragraph><Text>${esc(it.text)}</Text></Paragraph></ScriptNote></Paragraph>`);
      else if (s.items[i + 1]?.k === 'dialogue' && (s.items[i + 1] as { dual?: boolean }).dual) {
        out.push('    <Paragraph>\n      <DualDialogue>', ...speech(it), ...speech(s.items[i + 1] as Extract<Item, { k: 'dialogue' }>), '      </DualDialogue>\n    </Paragraph>');
        i++;
      } else out.push(...speech(it));
    }
  }
  out.push('  </Content>', '</FinalDraft>', '');
  return out.join('\n');
}

