import type { ConformSummary } from '../../../shared/domain/editorial';
import { plural } from '../util/format';

/** What the conform changes on the board, counted: "2 durations changed, 1 panel dropped"; empty when nothing. */
export function boardChanges(c: ConformSummary['counts']): string[] {
  return [
    c.durations > 0 && `${plural(c.durations, 'duration')} changed`,
    c.moves > 0 && `${plural(c.moves, 'panel')} moved to another scene`,
    c.reordered && c.moves === 0 && 'panels reordered',
    c.dropped > 0 && `${plural(c.dropped, 'panel')} dropped (marked omitted)`,
  ].filter((x): x is string => typeof x === 'string');
}

/** What the conform leaves alone, counted: clips matching no panel, panels used twice. */
export function ignoredClips(c: ConformSummary['counts']): string[] {
  return [
    c.unmatched > 0 && `${plural(c.unmatched, 'clip')} matching no panel (ignored)`,
    c.duplicates > 0 && `${plural(c.duplicates, 'panel')} used more than once`,
  ].filter((x): x is string => typeof x === 'string');
}

/** A change line's kind, for its colour: the core writes "Editor trimmed 4A …", "Clip "X" matches no panel …". */
export function changeKind(line: string): string {
  const m = /^Editor (trimmed|extended|moved|reordered|dropped)\b/.exec(line);
  if (m) return `conform-${m[1]}`;
  if (line.startsWith('Clip ')) return 'conform-unmatched';
  if (/ is used \d+ times in the cut/.test(line)) return 'conform-duplicate';
  return 'conform-other';
}
