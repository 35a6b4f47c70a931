/**
 * Applying an editor's cut to the board (the conform): one undoable edit. Panels take the editor's
 * order (across scenes too) and lengths; panels the editor dropped are marked omitted, not deleted;
 * clips matching no panel are ignored. Every change of mind is logged ("Editor trimmed 4A from
 * 2.00 s to 1.25 s"), with one entry for the conform itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConformSummary } from '../../../shared/domain/editorial';
import { frameRateOf, frameToMs } from '../../../shared/domain/animatic';
import type { Board } from '../../../shared/domain/board';
import { withoutOmitted } from '../board/omitted';
import type { ChangeRecorder } from '../history/recorder';
import { recordDecision } from '../decisions/decision-log';
import type { Project } from '../project';
import { framesOf, planConform, type ConformPanel, type ConformPlan } from './conform-plan';
import { readEditorialTimeline } from './read/read-timeline';
import { MEDIA_MANIFEST } from './model';
import type { MediaManifest } from './media-folder';
import { summariseConform } from './conform-summary';

export interface PreparedConform {
  plan: ConformPlan;
  summary: ConformSummary;
}

/** The panels a conform matches against: the timeline's, in board order (omitted ones left out, as the export did). */
export function conformPanels(board: Board): ConformPanel[] {
  return withoutOmitted(board).scenes.flatMap((s) => s.panels.map((p) => ({ id: p.id, shotNumber: p.shotNumber, sceneId: s.id, durationMs: p.durationMs })));
}

/** Reads the edited timeline and plans the conform; writes nothing. `mediaManifest` maps media file names to panel ids. */
export function prepareConform(project: Project, bytes: Uint8Array, fileName: string, mediaManifest?: Record<string, { panelId: string }>): PreparedConform {
  const board = project.board();
  const parsed = readEditorialTimeline(bytes, fileName, { fps: board.project.fps });
  const plan = planConform(conformPanels(board), parsed, { media: mediaManifest });
  return { plan, summary: summariseConform(board, plan, parsed, path.basename(fileName)) };
}

/** The stills of the media folder's manifest beside an exported timeline file (NAME_media/), if it is there. */
export function manifestBeside(timelineFile: string): Record<string, { panelId: string }> | undefined {
  const stem = path.basename(timelineFile, path.extname(timelineFile));
  try {
    const json = JSON.parse(fs.readFileSync(path.join(path.dirname(timelineFile), `${stem}_media`, MEDIA_MANIFEST), 'utf8')) as Partial<MediaManifest>;
    return json.format === 'boardwright-media/1' ? json.stills : undefined;
  } catch {
    return undefined;
  }
}

export function applyConform(project: Project, prepared: PreparedConform): ConformSummary {
  const { plan, summary } = prepared;
  const board = project.board();
  project.edit(`Conform to ${summary.fileName}`, (rec) => {
    placePanels(rec, board, plan);
    setDurations(rec, board, plan);
    const shot = new Map(board.scenes.flatMap((s) => s.panels.map((p) => [p.id, p.shotNumber] as const)));
    for (const m of plan.moves) {
      recordDecision(rec, { kind: 'panel.moved', panelId: m.panelId, sceneId: m.toSceneId, shotNumber: m.shotNumber, oldValue: m.fromSceneId, newValue: m.toSceneId, why: `Editor moved ${m.shotNumber} to another scene` });
    }
    for (const d of plan.dropped) {
      rec.update('panels', { id: d.panelId }, { omitted: 1 });
      recordDecision(rec, { kind: 'editorial.conform', panelId: d.panelId, sceneId: null, shotNumber: shot.get(d.panelId), field: 'omitted', oldValue: 'false', newValue: 'true', why: `Editor dropped ${d.shotNumber}` });
    }
    for (const o of plan.order) rec.update('panels', { id: o.panelId }, { omitted: 0 });
    recordDecision(rec, { kind: 'editorial.conform', panelId: null, sceneId: null, newValue: summary.fileName, data: { format: summary.format, fps: summary.fps, ...summary.counts } });
  });
  return summary;
}

/**
 * Each scene's panels in the editor's order; panels the cut does not place (dropped, or not in the
 * exported scenes) stay right after the panel they followed before.
 */
function placePanels(rec: ChangeRecorder, board: Board, plan: ConformPlan): void {
  const placed = new Map(plan.order.map((o) => [o.panelId, o.sceneId]));
  for (const scene of board.scenes) {
    const final = plan.order.filter((o) => o.sceneId === scene.id).map((o) => o.panelId);
    let front = 0;
    for (const [i, p] of scene.panels.entries()) {
      if (placed.has(p.id)) continue;
      let anchor = -1;
      for (let k = i - 1; k >= 0 && anchor < 0; k--) anchor = final.indexOf(scene.panels[k].id);
      final.splice(anchor < 0 ? front++ : anchor + 1, 0, p.id);
    }
    final.forEach((id, n) => rec.update('panels', { id }, { scene_id: scene.id, position: n + 1 }));
  }
}

/** Every matched panel's length from the editor's cut points (so each cut lands on its frame); changes of length are logged. */
function setDurations(rec: ChangeRecorder, board: Board, plan: ConformPlan): void {
  const current = conformPanels(board);
  const byId = new Map(current.map((p) => [p.id, p]));
  const frames = framesOf(current, plan.fps);
  const changed = new Map(plan.durations.map((d) => [d.panelId, d]));
  const rate = frameRateOf(plan.fps);
  let cut = 0;
  for (const { panelId } of plan.order) {
    const change = changed.get(panelId);
    const startMs = Math.round(frameToMs(cut, rate));
    cut += change ? change.toFrames : frames.get(panelId)!;
    const toMs = Math.max(1, Math.round(frameToMs(cut, rate)) - startMs);
    const panel = byId.get(panelId)!;
    if (toMs !== panel.durationMs) rec.update('panels', { id: panelId }, { duration_ms: toMs });
    if (change) {
      const verb = change.toFrames < change.fromFrames ? 'trimmed' : 'extended';
      recordDecision(rec, {
        kind: 'shot.duration', panelId, sceneId: panel.sceneId, shotNumber: panel.shotNumber, field: 'duration_ms',
        oldValue: String(panel.durationMs), newValue: String(toMs),
        why: `Editor ${verb} ${panel.shotNumber} from ${(panel.durationMs / 1000).toFixed(2)} s to ${(toMs / 1000).toFixed(2)} s`,
      });
    }
  }
}
