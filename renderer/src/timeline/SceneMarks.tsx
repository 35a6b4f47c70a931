import { useMemo } from 'react';
import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import type { SceneWithPanels } from '../../../shared/domain/board';
import { useBoardStore } from '../state/board-store';
import { seek } from './playback';

interface SceneMark {
  sceneId: string;
  label: string;
  heading: string;
  seg: TimelineSegment;
}

/** Each scene's first panel on the timeline (omitted ones are not on it), in board order. */
function sceneMarks(t: Timeline, scenes: SceneWithPanels[]): SceneMark[] {
  const byPanel = new Map(t.segments.map((s) => [s.panelId, s]));
  const marks: SceneMark[] = [];
  for (const scene of scenes) {
    const first = scene.panels.map((p) => byPanel.get(p.id)).find((s) => s !== undefined);
    if (first) marks.push({ sceneId: scene.id, label: scene.scriptNumber ?? String(scene.number), heading: scene.heading, seg: first });
  }
  return marks;
}

/**
 * The ruler's scene strip: a flag where each scene starts, with its number and heading (cut short to
 * the scene's length); a click puts the playhead on the scene's first frame.
 */
export function SceneMarks({ timeline: t, pxPerFrame, startOf, total }: { timeline: Timeline; pxPerFrame: number; startOf(seg: TimelineSegment): number; total: number }) {
  const scenes = useBoardStore((s) => s.board?.scenes);
  const marks = useMemo(() => (scenes ? sceneMarks(t, scenes) : []), [t, scenes]);
  return (
    <div className="tl-scenes">
      {marks.map((m, i) => {
        const start = startOf(m.seg);
        const end = i + 1 < marks.length ? startOf(marks[i + 1].seg) : total;
        const name = m.heading || `Scene ${m.label}`;
        return (
          <button
            key={m.sceneId}
            type="button"
            className="tl-scene-mark"
            style={{ left: start * pxPerFrame, width: Math.max(14, (end - start) * pxPerFrame) }}
            title={`Scene ${m.label}: ${name} — go to its start`}
            data-testid="timeline-scene-mark"
            data-frame={start}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => seek(start)}
          >
            <span className="tl-scene-num">{m.label}</span> {m.heading}
          </button>
        );
      })}
    </div>
  );
}
