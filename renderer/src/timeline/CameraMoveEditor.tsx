import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { CameraFraming, NormRect, Timeline } from '../../../shared/domain/animatic';
import { buildTimeline } from '../../../shared/domain/animatic';
import { cropInImage, FULL_FRAME } from '../../../shared/domain/animatic-frame';
import { aspectValue } from '../../../shared/domain/project';
import { drawFrame, pictureFor } from './draw-frame';
import { timelineActions } from './timeline-actions';
import { useTimelineStore } from './timeline-store';

type Which = 'start' | 'end';
const STAGE_W = 560;
const STAGE_H = 340;

/** A framing as the crop it really shows (the project's aspect), in fractions of the image. */
function normalise(r: NormRect, iw: number, ih: number, aspect: number): NormRect {
  const c = cropInImage(r, iw, ih, aspect);
  return { x: c.x / iw, y: c.y / ih, w: c.w / iw, h: c.h / ih };
}

/**
 * The camera move on a panel: a start and an end framing drawn on its image (drag to move, drag the
 * corner to zoom), previewed live with the player's own renderer. Saved as one undoable edit.
 */
export function CameraMoveEditor({ timeline: t }: { timeline: Timeline }) {
  const panelId = useTimelineStore((s) => s.moveEditorPanelId);
  const seg = t.segments.find((s) => s.panelId === panelId) ?? null;
  const [, setLoaded] = useState(0);
  const img = seg?.imageSha256 ? pictureFor(seg.imageSha256, () => setLoaded((n) => n + 1)) : null;
  const ready = !!img && img.complete && img.naturalWidth > 0;
  const iw = ready ? img.naturalWidth : 1600;
  const ih = ready ? img.naturalHeight : Math.round(1600 / aspectValue(t.aspectRatio));
  const aspect = aspectValue(t.aspectRatio);
  const [draft, setDraft] = useState<CameraFraming | null>(null);
  const close = () => useTimelineStore.getState().set({ moveEditorPanelId: null });

  useEffect(() => {
    if (!seg) return;
    const start = normalise(seg.framing?.start ?? FULL_FRAME, iw, ih, aspect);
    const end = seg.framing ? normalise(seg.framing.end, iw, ih, aspect) : { x: start.x + start.w * 0.1, y: start.y + start.h * 0.1, w: start.w * 0.8, h: start.h * 0.8 };
    setDraft({ start, end });
    // Only when another panel opens, or its image size becomes known.
  }, [seg?.panelId, iw, ih]);

  // The image fitted in the stage; rectangles are drawn in stage pixels.
  const scale = Math.min(STAGE_W / iw, STAGE_H / ih) * 0.8;
  const ox = (STAGE_W - iw * scale) / 2;
  const oy = (STAGE_H - ih * scale) / 2;
  const toStage = (r: NormRect) => ({ left: ox + r.x * iw * scale, top: oy + r.y * ih * scale, width: r.w * iw * scale, height: r.h * ih * scale });

  const drag = (e: ReactPointerEvent, which: Which, mode: 'move' | 'zoom') => {
    if (!draft) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    const x0 = e.clientX;
    const y0 = e.clientY;
    const r0 = draft[which];
    const move = (ev: PointerEvent) => {
      const dx = (ev.clientX - x0) / (iw * scale);
      const dy = (ev.clientY - y0) / (ih * scale);
      let r: NormRect;
      if (mode === 'move') r = { ...r0, x: r0.x + dx, y: r0.y + dy };
      else {
        // Corner drag zooms about the opposite corner, keeping the project's aspect.
        const h = Math.max(0.05, r0.h + Math.max(dy, (dx * iw) / (ih * aspect)));
        r = { x: r0.x, y: r0.y, h, w: (h * ih * aspect) / iw };
      }
      setDraft((d) => (d ? { ...d, [which]: r } : d));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  // Preview: this one panel alone, through the same timeline model and renderer as the player.
  const preview = useRef<HTMLCanvasElement>(null);
  const mini = useMemo(() => {
    if (!seg || !draft) return null;
    return buildTimeline({
      fps: t.fps, aspectRatio: t.aspectRatio, audio: [],
      panels: [{ id: seg.panelId, shotNumber: seg.shotNumber, durationMs: seg.nominalMs, transition: null, transitionMs: null, framing: draft, imageSha256: seg.imageSha256, imageWidth: seg.imageWidth, imageHeight: seg.imageHeight, dialogue: '', sound: '' }],
    });
  }, [seg, draft, t.fps, t.aspectRatio]);
  useEffect(() => {
    const canvas = preview.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !mini) return;
    let raf = 0;
    const started = performance.now();
    const loop = () => {
      const f = Math.floor(((performance.now() - started) / 1000) * mini.fps) % Math.max(1, mini.totalFrames + Math.round(mini.fps / 2));
      drawFrame(ctx, mini, Math.min(f, mini.totalFrames - 1), canvas.width, canvas.height, false, () => {});
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [mini]);

  if (!seg || !draft) return null;
  const save = () => {
    void timelineActions.setFraming(seg.panelId, draft);
    close();
  };
  return (
    <div className="modal-backdrop" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal tl-move" role="dialog" aria-modal="true" aria-label={`Camera move, panel ${seg.shotNumber}`} data-testid="camera-move-editor">
        <h2 className="modal-title">Camera move · {seg.shotNumber}</h2>
        <div className="tl-move-body">
          <div className="tl-move-stage" style={{ width: STAGE_W, height: STAGE_H }}>
            {ready ? (
              <img src={img.src} alt="" draggable={false} style={{ left: ox, top: oy, width: iw * scale, height: ih * scale }} />
            ) : (
              <div className="tl-move-blank" style={{ left: ox, top: oy, width: iw * scale, height: ih * scale }} />
            )}
            {(['start', 'end'] as Which[]).map((which) => (
              <div key={which} className={`tl-frame tl-frame-${which}`} style={toStage(draft[which])} onPointerDown={(e) => drag(e, which, 'move')} data-testid={`camera-${which}`}>
                <span className="tl-frame-label">{which === 'start' ? 'Start' : 'End'}</span>
                <div className="tl-frame-corner" onPointerDown={(e) => drag(e, which, 'zoom')} />
              </div>
            ))}
          </div>
          <div className="tl-move-side">
            <canvas ref={preview} width={288} height={Math.round(288 / aspect)} className="tl-move-preview" />
            <p className="hint">Preview of {(seg.nominalMs / 1000).toFixed(2)} s, looping. Drag a frame to pan; drag its corner to zoom.</p>
            <div className="tl-move-buttons">
              <button className="button tl-small" onClick={() => setDraft({ start: draft.end, end: draft.start })}>
                Swap start and end
              </button>
              <button className="button tl-small" onClick={() => setDraft({ ...draft, end: draft.start })}>
                No move (hold start)
              </button>
              {seg.framing && (
                <button
                  className="button tl-small"
                  onClick={() => {
                    void timelineActions.setFraming(seg.panelId, null);
                    close();
                  }}
                >
                  Remove camera move
                </button>
              )}
            </div>
          </div>
        </div>
        <div className="modal-actions">
          <button className="button" onClick={close}>
            Cancel
          </button>
          <button className="button button-primary" data-testid="camera-save" onClick={save}>
            Save move
          </button>
        </div>
      </div>
    </div>
  );
}
