import { describe, expect, it } from 'vitest';
import { isCoreError } from '../../electron/core/errors';
import { parseScript } from '../../electron/core/script/parse';
import type { Screenplay } from '../../electron/core/script/parse';
import { fdxDoc, fixture, para } from '../fixtures/scripts/helpers';

/**
 * Random mutations (seeded, reproducible) of our test scripts through both parsers: only CoreError
 * may escape, never INTERNAL, and every result is self-consistent. Runs CASES cases or stops after
 * BUDGET_MS, whichever first (a bound on the run, not a timed assertion).
 */
const SEED = 0x5eed12;
const CASES = 4000;
const BUDGET_MS = 18_000;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const corpus: Buffer[] = [
  fixture('night-shift.fountain'),
  fixture('night-shift.fdx'),
  Buffer.from('Title: T\n\t_**X**_\n\n/* bone\nyard */\nINT. A #1#\n= syn\n\nBOB (V.O.) ^\n(beat)\nHi.\n  \n~la\n\n[[note\n  \nmore]]\n\n>THE END<\n\n> CUT TO:\n\n===\n'),
  Buffer.from(fdxDoc(`<Paragraph><DualDialogue>${para('Character', 'A')}${para('Dialogue', 'x')}${para('Character', 'B')}${para('Dialogue', 'y')}</DualDialogue></Paragraph><Paragraph Type="Action"><ScriptNote ID="1"><Paragraph><Text>n</Text></Paragraph></ScriptNote><Text>a</Text><Text Style="AllCaps">b</Text></Paragraph>`)),
];

const TOKENS = ['[[', ']]', '/*', '*/', '<Paragraph Type="Character">', '</Text>', '<Text>', '&', '&#0;', '&#x1F600;', '&lol;', '\r', '\r\n', '\n\n', '  \n', '^', '@', '#', '#1#', '~', '>', '<', '===', '\uFEFF', 'INT. ', '.', '!', '\\', '*', '**', '_', '(', ')', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "b">]>', '\u0000', '\uD800', 'é', 'Title:', '\t'];

function mutate(r: () => number): { bytes: Buffer; name: string } {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  let b = Buffer.from(pick(corpus));
  const steps = 1 + Math.floor(r() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(r() * (b.length + 1));
    switch (Math.floor(r() * 6)) {
      case 0: // byte flips
        b = Buffer.from(b);
        for (let k = 0; k < 1 + r() * 8 && b.length; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
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
