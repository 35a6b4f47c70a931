import { Fragment } from 'react';
import {
  SAFE_ASPECTS,
  centreCross,
  diagonals,
  insetSafe,
  onePoint,
  safeFrame,
  thirds,
  twoPoint,
  type GuideRect,
  type Segment,
} from '../../../../shared/domain/guides';
import { useGuidesStore, type GuideId } from './guides-store';
import { VanishingHandle } from './VanishingHandle';

interface Props {
  /** The frame's Fit size in CSS pixels, and its aspect (width / height). */
  width: number;
  height: number;
  aspect: number;
  /** The view's zoom, so labels and handles stay the same size on screen. */
  zoom: number;
  /** The normalised frame point under a page position, for dragging the perspective handles. */
  toFrame(clientX: number, clientY: number): { u: number; v: number };
}

function Lines({ kind, lines, width, height }: { kind: GuideId; lines: Segment[]; width: number; height: number }) {
  return (
    <g className={`guide guide-${kind.replace(/[.:]/g, '-')}`} data-guide={kind}>
      {lines.map((s, i) => (
        <line key={i} x1={s.x1 * width} y1={s.y1 * height} x2={s.x2 * width} y2={s.y2 * height} vectorEffect="non-scaling-stroke" />
      ))}
    </g>
  );
}

function Box({ kind, rect, label, width, height, font }: { kind: GuideId; rect: GuideRect; label: string; width: number; height: number; font: number }) {
  const x = rect.x * width;
  const y = rect.y * height;
  return (
    <g className={`guide guide-box guide-${kind.replace(/[.:]/g, '-')}`} data-guide={kind}>
      <rect x={x} y={y} width={rect.width * width} height={rect.height * height} vectorEffect="non-scaling-stroke" />
      <text x={x + font * 0.5} y={y + font * 1.3} fontSize={font}>
        {label}
      </text>
    </g>
  );
}

/** Composition guides drawn over the frame (they take no pointer events, so drawing goes through). */
export function GuidesOverlay({ width, height, aspect, zoom, toFrame }: Props) {
  const { on, onePoint: vp, twoPoint: vps, setOnePoint, setHorizon } = useGuidesStore();
  const handle = { width, height, zoom, toFrame };
  const font = 10 / zoom;
  const lines = (kind: GuideId, segs: Segment[]) => <Lines kind={kind} lines={segs} width={width} height={height} />;
  return (
    <svg className="guides-overlay" data-testid="guides-overlay" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden>
      {on['one-point'] && lines('one-point', onePoint(vp, aspect))}
      {on['two-point'] && lines('two-point', twoPoint(vps[0], vps[1], aspect))}
      {on.diagonals && lines('diagonals', diagonals())}
      {on.thirds && lines('thirds', thirds())}
      {on.centre && lines('centre', centreCross(aspect))}
      {SAFE_ASPECTS.map((a) => {
        const id = `safe-${a.id}` as GuideId;
        return on[id] ? (
          <Fragment key={id}>
            <Box kind={id} rect={safeFrame(aspect, a.value)} label={a.label} width={width} height={height} font={font} />
          </Fragment>
        ) : null;
      })}
      {on['action-safe'] && <Box kind="action-safe" rect={insetSafe(0.9)} label="Action safe" width={width} height={height} font={font} />}
      {on['title-safe'] && <Box kind="title-safe" rect={insetSafe(0.8)} label="Title safe" width={width} height={height} font={font} />}
      {on['one-point'] && <VanishingHandle {...handle} at={vp} label="Vanishing point: drag to move" testId="vanishing-point" onMove={setOnePoint} />}
      {on['two-point'] && <VanishingHandle {...handle} at={{ x: 0.5, y: vps[0].y }} label="Horizon: drag up or down" testId="horizon-handle" onMove={(p) => setHorizon(p.y)} />}
    </svg>
  );
}
