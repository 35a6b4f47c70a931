/**
 * `planConform`: what an editor's cut changes on the board, as a list (nothing is written here).
 * Clips are matched to panels by the panel id the export wrote, else (a timeline that lost it) by media
 * file name (the media folder's manifest, or the shot-number file names), else by clip name = shot
 * number. A clip whose panel id names no panel here never matches by name. The plan says:
 * new durations (whole frames, as milliseconds that reproduce the editor's cut points exactly), the
 * new order with each panel's scene (panels that moved across scenes), panels the editor dropped,
 * clips matching no panel, and panels used more than once.
 */
import { frameRateOf, frameToMs, msToFrame } from '../../../shared/domain/animatic';
import { CoreError } from '../errors';
import { safeStem, uniqueNames } from './media-names';
import type { ParsedClip, ParsedTimeline } from './model';

/** A panel of the board now, in board order (the timeline's panels: omitted ones left out). */
export interface ConformPanel {
  id: string;
  shotNumber: string;
  sceneId: string;
  durationMs: number;
}

export interface ConformPlan {
  fps: number;
  /** Clips matched to a panel (duplicates counted once). */
  matched: number;
  /** Panels whose length in frames changed: the new length, and the duration that gives it. */
  durations: { panelId: string; shotNumber: string; fromMs: number; toMs: number; fromFrames: number; toFrames: number }[];
  /** The matched panels in the editor's order (first use of each), each with the scene it belongs to there. */
  order: { panelId: string; sceneId: string }[];
  orderChanged: boolean;
  /** Panels that land in another scene. */
  moves: { panelId: string; shotNumber: string; fromSceneId: string; toSceneId: string }[];
  /** Panels of the exported scenes the editor left out. */
  dropped: { panelId: string; shotNumber: string }[];
  /** Clips that match no panel (new material, or a clip whose panel was deleted since). */
  unmatched: { clipIndex: number; name: string; mediaName: string | null; frames: number }[];
  /** Panels whose still is used by more than one clip. */
  duplicates: { panelId: string; shotNumber: string; clipIndexes: number[] }[];
}

export interface ConformOptions {
  /** The media folder's manifest (file name -> panel id), when the caller has it. */
  media?: Record<string, { panelId: string }>;
}

/** Frames of each panel as the animatic rounds them: cumulative times rounded, never each duration. */
export function framesOf(panels: readonly ConformPanel[], fps: number): Map<string, number> {
  const rate = frameRateOf(fps);
  const out = new Map<string, number>();
  let ms = 0;
  let start = 0;
  for (const p of panels) {
    ms += p.durationMs;
    const end = msToFrame(ms, rate);
    out.set(p.id, end - start);
    start = end;
  }
  return out;
}

function matcher(current: readonly ConformPanel[], opts: ConformOptions): (c: ParsedClip) => string | null {
  const ids = new Set(current.map((p) => p.id));
  const media = new Map(Object.entries(opts.media ?? {}).map(([name, v]) => [name.normalize('NFC').toLowerCase(), v.panelId]));
  const byFile = new Map<string, string>();
  // The names an export gives: 12A.png for a still, 12A.mp4 for a baked camera move, 12A.mp4/.mov/.webm for a panel's clip.
  uniqueNames(current.map((p) => safeStem(p.shotNumber)), '').forEach((stem, i) => {
    for (const ext of ['.png', '.mp4', '.mov', '.webm']) byFile.set(`${stem}${ext}`.toLowerCase(), current[i].id);
  });
  const byShot = new Map<string, string | null>();
  for (const p of current) {
    const key = p.shotNumber.trim().toLowerCase();
    byShot.set(key, byShot.has(key) ? null : p.id); // an ambiguous shot number matches nothing
  }
  return (c) => {
    // A clip that carries a panel id of no panel here is another project's (or a deleted panel's): never matched by name.
    if (c.panelId) return ids.has(c.panelId) ? c.panelId : null;
    const file = c.mediaName?.normalize('NFC').toLowerCase();
    const fromManifest = file ? media.get(file) : undefined;
    if (fromManifest && ids.has(fromManifest)) return fromManifest;
    const fromName = file ? byFile.get(file) : undefined;
    if (fromName) return fromName;
    return byShot.get(c.name.trim().toLowerCase()) ?? null;
  };
}

/** Indexes (into `xs`) of one longest strictly increasing subsequence. */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}

export function planConform(current: readonly ConformPanel[], parsed: ParsedTimeline, opts: ConformOptions = {}): ConformPlan {
  if (parsed.clips.length === 0) throw new CoreError('BAD_INPUT', 'The timeline has no clips on its video track.');
  const match = matcher(current, opts);
  const byId = new Map(current.map((p) => [p.id, p]));
  const position = new Map(current.map((p, i) => [p.id, i]));
  const sceneRank = new Map<string, number>();
  for (const p of current) if (!sceneRank.has(p.sceneId)) sceneRank.set(p.sceneId, sceneRank.size);

  const uses = new Map<string, number[]>();
  const unmatched: ConformPlan['unmatched'] = [];
  const ordered: { panelId: string; clip: ParsedClip }[] = [];
  parsed.clips.forEach((clip, clipIndex) => {
    const id = match(clip);
    if (!id) {
      unmatched.push({ clipIndex, name: clip.name, mediaName: clip.mediaName, frames: clip.frames });
      return;
    }
    const list = uses.get(id) ?? [];
    if (list.length === 0) ordered.push({ panelId: id, clip });
    list.push(clipIndex);
    uses.set(id, list);
  });
  if (ordered.length === 0) {
    throw new CoreError(
      'BAD_INPUT',
      `None of the ${parsed.clips.length} clips in this timeline match a panel of this project: it was exported from another project, or its clips lost their panel ids and media names.`,
    );
  }

  // New cut points -> durations that reproduce them exactly (telescoping, so no rounding drift).
  const rate = frameRateOf(parsed.fps);
  const before = framesOf(current, parsed.fps);
  const durations: ConformPlan['durations'] = [];
  let cut = 0;
  for (const { panelId, clip } of ordered) {
    const p = byId.get(panelId)!;
    const fromFrames = before.get(panelId)!;
    const startMs = Math.round(frameToMs(cut, rate));
    cut += clip.frames;
    const toMs = Math.round(frameToMs(cut, rate)) - startMs;
    if (clip.frames !== fromFrames) durations.push({ panelId, shotNumber: p.shotNumber, fromMs: p.durationMs, toMs, fromFrames, toFrames: clip.frames });
  }

  // Scenes: the panels still in their old relative order keep their scenes; one that moved keeps its
  // own when it sits between its neighbours' scenes, else joins the scene before it.
  const kept = longestIncreasing(ordered.map((o) => position.get(o.panelId)!));
  const rankOf = (id: string) => sceneRank.get(byId.get(id)!.sceneId)!;
  const sceneByRank = [...sceneRank.keys()];
  const assigned: number[] = [];
  ordered.forEach((o, i) => {
    const own = rankOf(o.panelId);
    if (kept.has(i)) {
      assigned.push(own);
      return;
    }
    const prev = i > 0 ? assigned[i - 1] : -1;
    let next = Number.POSITIVE_INFINITY;
    for (let k = i + 1; k < ordered.length; k++) {
      if (kept.has(k)) {
        next = rankOf(ordered[k].panelId);
        break;
      }
    }
    if (own >= prev && own <= next) assigned.push(own);
    else assigned.push(prev >= 0 ? prev : Math.min(next, sceneByRank.length - 1));
  });
  const order = ordered.map((o, i) => ({ panelId: o.panelId, sceneId: sceneByRank[assigned[i]] }));
  const moves = order
    .filter((o) => byId.get(o.panelId)!.sceneId !== o.sceneId)
    .map((o) => ({ panelId: o.panelId, shotNumber: byId.get(o.panelId)!.shotNumber, fromSceneId: byId.get(o.panelId)!.sceneId, toSceneId: o.sceneId }));

  const inScope = new Set(parsed.sceneIds?.filter((s) => sceneRank.has(s)) ?? ordered.map((o) => byId.get(o.panelId)!.sceneId));
  // A panel too short for a frame was never on the timeline: not dropped.
  const dropped = current.filter((p) => !uses.has(p.id) && inScope.has(p.sceneId) && before.get(p.id)! > 0).map((p) => ({ panelId: p.id, shotNumber: p.shotNumber }));
  const stillOrder = current.filter((p) => uses.has(p.id)).map((p) => p.id);
  const orderChanged = stillOrder.some((id, i) => ordered[i].panelId !== id);
  const duplicates = [...uses.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([panelId, clipIndexes]) => ({ panelId, shotNumber: byId.get(panelId)!.shotNumber, clipIndexes }));
  return { fps: parsed.fps, matched: ordered.length, durations, order, orderChanged, moves, dropped, unmatched, duplicates };
}
