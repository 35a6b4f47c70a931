/** A conform plan in words: what the preview, the CLI and the log say. */
import type { ConformSummary } from '../../../shared/domain/editorial';
import type { Board } from '../../../shared/domain/board';
import type { ConformPlan } from './conform-plan';
import type { ParsedTimeline } from './model';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function summariseConform(board: Board, plan: ConformPlan, parsed: ParsedTimeline, fileName: string): ConformSummary {
  const sceneName = new Map(board.scenes.map((s) => [s.id, `scene ${s.scriptNumber ?? s.number}${s.heading ? ` (${s.heading})` : ''}`]));
  const changes: string[] = [];
  for (const d of plan.durations) changes.push(`Editor ${d.toFrames < d.fromFrames ? 'trimmed' : 'extended'} ${d.shotNumber} from ${seconds(d.fromMs)} to ${seconds(d.toMs)}`);
  for (const m of plan.moves) changes.push(`Editor moved ${m.shotNumber} from ${sceneName.get(m.fromSceneId)} to ${sceneName.get(m.toSceneId)}`);
  if (plan.orderChanged && plan.moves.length === 0) changes.push('Editor reordered panels within their scenes');
  for (const d of plan.dropped) changes.push(`Editor dropped ${d.shotNumber}: marked omitted (kept on the board)`);
  for (const u of plan.unmatched) changes.push(`Clip "${u.name}"${u.mediaName ? ` (${u.mediaName})` : ''} matches no panel: ignored`);
  for (const d of plan.duplicates) changes.push(`${d.shotNumber} is used ${d.clipIndexes.length} times in the cut: its first use sets its place and length`);
  if (changes.length === 0) changes.push('No change: the board already matches this cut.');
  return {
    fileName,
    format: parsed.format,
    fps: parsed.fps,
    clips: parsed.clips.length,
    matched: plan.matched,
    counts: {
      durations: plan.durations.length, moves: plan.moves.length, reordered: plan.orderChanged, dropped: plan.dropped.length,
      unmatched: plan.unmatched.length, duplicates: plan.duplicates.length,
    },
    changes,
    unmatched: plan.unmatched.map((u) => ({ name: u.name, mediaName: u.mediaName, frames: u.frames })),
  };
}
