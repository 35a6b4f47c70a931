import { describe, expect, it } from 'vitest';
import { isCoreError } from '../../electron/core/errors';
import { parseScript } from '../../electron/core/script/parse';
import type { Screenplay } from '../../electron/core/script/parse';
import { fdxDoc, fixture, para } from '../fixtures/scripts/helpers';
import { seededRandom as rng } from '../../shared/util/seeded-random';

/**
 * Random mutations (seeded, reproducible) of our test scripts, and randomly structured scripts of
 * both formats, through both parsers: only CoreError
 * may escape, never INTERNAL, and every result is self-consistent. Runs CASES cases or stops after
 * BUDGET_MS, whichever first (a bound on the run, not a timed assertion).
 */
const SEED = 0x5eed12;
const CASES = 4000;
const BUDGET_MS = 18_000;


const corpus: Buffer[] = [
  fixture('night-shift.fountain'),
  fixture('night-shift.fdx'),
  Buffer.from('Title: T\n\t_**X**_\n\n/* bone\nyard */\nINT. A #1#\n= syn\n\nBOB (V.O.) ^\n(beat)\nHi.\n  \n~la\n\n[[note\n  \nmore]]\n\n>THE END<\n\n> CUT TO:\n\n===\n'),
  Buffer.from(fdxDoc(`<Paragraph><DualDialogue>${para('Character', 'A')}${para('Dialogue', 'x')}${para('Character', 'B')}${para('Dialogue', 'y')}</DualDialogue></Paragraph><Paragraph Type="Action"><ScriptNote ID="1"><Paragraph><Text>n</Text></Paragraph></ScriptNote><Text>a</Text><Text Style="AllCaps">b</Text></Paragraph>`)),
];

const TOKENS = ['[[', ']]', '/*', '*/', '<Paragraph Type="Character">', '</Text>', '<Text>', '&', '&#0;', '&#x1F600;', '&lol;', '\r', '\r\n', '\n\n', '  \n', '^', '@', '#', '#1#', '~', '>', '<', '===', '\uFEFF', 'INT. ', '.', '!', '\\', '*', '**', '_', '(', ')', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "b">]>', '\u0000', '\uD800', 'é', 'Title:', '\t'];

const TYPES = ['Scene Heading', 'Action', 'Character', 'Parenthetical', 'Dialogue', 'Transition', 'Shot', 'General', 'Singing', 'Cast List', 'New Act', 'Odd', ''];
const TEXTS = ['INT. HALL', 'BOB (V.O.)', '(beat)', 'Hi &amp; bye', 'CUT TO:', '', '   ', 'JOS&#201;', '<![CDATA[a <b>]]>', 'x'.repeat(300)];
const LINES = ['INT. HALL #1#', '.FORCED', 'BOB', '@McGRATH ^', '(beat)', 'Hello.', '  ', '', '', '> CUT TO:', '>THE END<', '~la la', '!ACTION', '= synopsis', '# Act', '===', '[[note', 'more]]', '/* bone', 'yard */', 'Title: T', '    indented', '*bold* _u_ \\*', 'FADE OUT.'];

/** Well-formed Final Draft XML of random structure: exercises the reader rather than the XML parser. */
function randomFdx(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const paragraph = (depth: number): string => {
    const runs = Array.from({ length: Math.floor(r() * 3) }, () => `<Text${r() < 0.2 ? ' Style="AllCaps"' : ''}>${pick(TEXTS)}</Text>`).join('');
    const attrs = `${r() < 0.9 ? ` Type="${pick(TYPES)}"` : ''}${r() < 0.2 ? ` Number="${pick(['1', '1', '2A', ''])}"` : ''}${r() < 0.1 ? ' Alignment="Center"' : ''}${r() < 0.05 ? ' StartsNewPage="Yes"' : ''}`;
    const extra =
      depth > 0 && r() < 0.15
        ? pick([
            `<ScriptNote ID="1">${paragraph(depth - 1)}</ScriptNote>`,
            `<SceneProperties Length="${pick(['1 1/8', '3/8', 'x', ''])}"><Summary>${paragraph(depth - 1)}</Summary></SceneProperties>`,
            `<DualDialogue>${paragraph(depth - 1)}${paragraph(depth - 1)}${paragraph(depth - 1)}</DualDialogue>`,
          ])
        : '';
    return `<Paragraph${attrs}>${r() < 0.5 ? extra + runs : runs + extra}</Paragraph>`;
  };
  const body = Array.from({ length: 1 + Math.floor(r() * 40) }, () => (r() < 0.05 ? `<DualDialogue>${paragraph(1)}${paragraph(1)}</DualDialogue>` : paragraph(2))).join('');
  const title = r() < 0.3 ? `<TitlePage><Content>${paragraph(0)}${paragraph(0)}</Content></TitlePage>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><FinalDraft Version="5"><Content>${body}</Content>${title}</FinalDraft>`;
}

function randomFountain(r: () => number): string {
  return Array.from({ length: 1 + Math.floor(r() * 60) }, () => LINES[Math.floor(r() * LINES.length)]).join(r() < 0.2 ? '\r\n' : '\n');
}

function mutate(r: () => number): { bytes: Buffer; name: string } {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const roll = r();
  if (roll < 0.2) return { bytes: Buffer.from(randomFdx(r)), name: 'fuzz.fdx' };
  if (roll < 0.4) return { bytes: Buffer.from(randomFountain(r)), name: 'fuzz.fountain' };
  let b = Buffer.from(pick(corpus));
  const steps = 1 + Math.floor(r() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(r() * (b.length + 1));
    switch (Math.floor(r() * 6)) {
      case 0: // byte flips
        b = Buffer.from(b);
        // mostly non-NUL bytes: a NUL makes the file binary, which would end most cases before the readers
        for (let k = 0; k < 1 + r() * 8 && b.length; k++) b[Math.floor(r() * b.length)] = r() < 0.05 ? 0 : 1 + Math.floor(r() * 255);
        break;
      case 1: // truncation
        b = b.subarray(0, at);
        break;
      case 2: {
        // duplication of a slice
        const len = Math.floor(r() * Math.min(400, b.length));
        const from = Math.floor(r() * Math.max(1, b.length - len));
        b = Buffer.concat([b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)]);
        break;
      }
      case 3: {
        // splice with another script
        const other = pick(corpus);
        b = Buffer.concat([b.subarray(0, at), other.subarray(Math.floor(r() * other.length))]);
        break;
      }
      case 4: // an interesting token
        b = Buffer.concat([b.subarray(0, at), Buffer.from(pick(TOKENS)), b.subarray(at)]);
        break;
      default: {
        // amplification: a short slice repeated many times
        const len = 1 + Math.floor(r() * 12);
        const piece = b.subarray(at, at + len);
        b = Buffer.concat([b.subarray(0, at), Buffer.alloc(piece.length * (1 + Math.floor(r() * 3000)), piece.length ? piece : ' '), b.subarray(at)]);
      }
    }
  }
  return { bytes: b, name: pick(['fuzz.fountain', 'fuzz.fdx', 'fuzz.txt', 'fuzz']) };
}

/** Self-consistency of a result; returns a problem or null. */
function problem(sp: Screenplay): string | null {
  for (let si = 0; si < sp.scenes.length; si++) {
    const scene = sp.scenes[si];
    for (let ei = 0; ei < scene.elements.length; ei++) {
      const [a, b] = scene.elements[ei].lines;
      if (!(a <= b) || b >= sp.lines.length) return `scene ${si} element ${ei}: bad range ${a}-${b}`;
      for (let i = a; i <= b; i++) if (sp.lines[i].sceneIndex !== si || sp.lines[i].elementIndex !== ei) return `line ${i} points elsewhere`;
    }
    for (const c of scene.characters) if (!sp.characters.includes(c)) return `character ${c} missing from the list`;
    if (!(scene.pageEighths >= 1)) return `scene ${si}: pageEighths ${scene.pageEighths}`;
  }
  return null;
}

describe('script parser fuzz', () => {
  it('only CoreError escapes, results stay consistent', () => {
    const r = rng(SEED);
    const started = Date.now();
    const failures: string[] = [];
    const outcomes = { parsed: 0, refused: 0 };
    let cases = 0;
    for (; cases < CASES && Date.now() - started < BUDGET_MS; cases++) {
      const { bytes, name } = mutate(r);
      try {
        const sp = parseScript(bytes, name);
        outcomes.parsed++;
        const p = problem(sp);
        if (p) failures.push(`case ${cases} (${name}): ${p}`);
      } catch (e) {
        outcomes.refused++;
        if (!isCoreError(e)) failures.push(`case ${cases} (${name}): ${String(e)}`);
        else if (e.code === 'INTERNAL') failures.push(`case ${cases} (${name}): INTERNAL ${e.message}`);
      }
    }
    console.log(`script fuzz: ${cases} cases (${outcomes.parsed} parsed, ${outcomes.refused} refused with CoreError) in ${Date.now() - started} ms, seed ${SEED}`);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
