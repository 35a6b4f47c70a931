/**
 * Re-import after a rewrite: which scene of the new draft is which scene of the old one, and within a
 * scene, which beat is which. Scenes match by their script scene number first, then by heading and
 * text; beats keep their order (a longest common subsequence of identical texts anchors them), and
 * the beats between two anchors pair up when their texts are alike (a line rewritten), else they are
 * new or cut.
 */
import type { Beat, BoardScene } from './breakdown';
import { similarity } from './similarity';

/** Old scene index -> new scene index. */
export type SceneMatches = Map<number, number>;

const SCENE_THRESHOLD = 0.45;
const BEAT_THRESHOLD = 0.4;

const sceneText = (s: BoardScene) => s.beats.map((b) => `${b.action} ${b.dialogue}`).join(' ');
const beatText = (b: Beat) => `${b.action}\n${b.dialogue}`;
const numberKey = (n: string | null) => (n ? n.trim().toUpperCase() : null);

export function matchScenes(old: BoardScene[], next: BoardScene[]): SceneMatches {
  const matches: SceneMatches = new Map();
  const taken = new Set<number>();
  // 1. The same scene number (when it is unique on both sides).
  const unique = (list: BoardScene[]) => {
    const count = new Map<string, number>();
    for (const s of list) if (numberKey(s.number)) count.set(numberKey(s.number)!, (count.get(numberKey(s.number)!) ?? 0) + 1);
    return new Map(list.filter((s) => count.get(numberKey(s.number) ?? '') === 1).map((s) => [numberKey(s.number)!, s.index]));
  };
  const newByNumber = unique(next);
  for (const [key, oldIndex] of unique(old)) {
    const newIndex = newByNumber.get(key);
    if (newIndex !== undefined) {
      matches.set(oldIndex, newIndex);
      taken.add(newIndex);
    }
  }
  // 2. The rest by heading and text, best pairs first.
  const pairs: { o: number; n: number; score: number }[] = [];
  const oldText = new Map(old.map((s) => [s.index, sceneText(s)]));
  for (const o of old) {
    if (matches.has(o.index)) continue;
    for (const n of next) {
      if (taken.has(n.index)) continue;
      // A numbered scene whose number now belongs to another scene is not this one.
      if (numberKey(o.number) && numberKey(n.number) && numberKey(o.number) !== numberKey(n.number) && newByNumber.has(numberKey(o.number)!)) continue;
      const heading = o.heading.trim().toUpperCase() === n.heading.trim().toUpperCase() ? 1 : similarity(o.heading, n.heading);
      const score = 0.4 * heading + 0.6 * similarity(oldText.get(o.index)!, sceneText(n));
      if (score >= SCENE_THRESHOLD) pairs.push({ o: o.index, n: n.index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.o - b.o);
  for (const p of pairs) {
    if (matches.has(p.o) || taken.has(p.n)) continue;
    matches.set(p.o, p.n);
    taken.add(p.n);
  }
  return matches;
}

/** Old beat key -> new beat key, within one matched scene. */
export function matchBeats(old: Beat[], next: Beat[]): Map<string, string> {
  const result = new Map<string, string>();
  const anchors = lcs(old.map(beatText), next.map(beatText));
  let oi = 0;
  let ni = 0;
  for (const [ao, an] of [...anchors, [old.length, next.length] as const]) {
    pairBetween(old.slice(oi, ao), next.slice(ni, an), result);
    if (ao < old.length) result.set(old[ao].key, next[an].key);
    oi = ao + 1;
    ni = an + 1;
  }
  return result;
}

/** Between two anchors: rewritten beats pair up in order when alike enough. */
function pairBetween(old: Beat[], next: Beat[], out: Map<string, string>): void {
  let from = 0;
  for (const o of old) {
    for (let j = from; j < next.length; j++) {
      if (similarity(beatText(o), beatText(next[j])) >= BEAT_THRESHOLD) {
        out.set(o.key, next[j].key);
        from = j + 1;
        break;
      }
    }
  }
}

/** Index pairs of a longest common subsequence of equal strings. */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
