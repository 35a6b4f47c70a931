import { cornerAt, rotateHandleAt, type Box } from '../tools/selection-geometry';

/** Handle squares' side and the rotate handle's radius, in screen pixels. */
const HANDLE_PX = 8;
const ROTATE_R = 5;

interface Props {
  /** The frame in CSS pixels at its Fit size; `unit` is one screen pixel in them (1 / zoom). */
  width: number;
  height: number;
  unit: number;
  /** The selection's box and the box being dragged out, normalised; null when there is none. */
  box: Box | null;
  marquee: Box | null;
  /** The lasso being drawn (normalised points), or null. */
  lasso: readonly (readonly [number, number])[] | null;
}

/** The selection's box with its corner (scale) and top (rotate) handles, and the box or lasso being drawn to select. */
export function SelectionMarks({ width, height, unit, box, marquee, lasso }: Props) {
  const px = (b: Box) => ({ x: b.x0 * width, y: b.y0 * height, width: (b.x1 - b.x0) * width, height: (b.y1 - b.y0) * height });
  const line = 1.25 * unit;
  const half = (HANDLE_PX / 2) * unit;
  const turn = box && rotateHandleAt(box, width, height, unit);
  return (
    <svg className="selection-marks" width={width} height={height} aria-hidden>
      {marquee && <rect data-testid="selection-marquee" {...px(marquee)} fill="rgba(47, 111, 223, 0.08)" stroke="#2f6fdf" strokeWidth={line} strokeDasharray={`${4 * unit} ${3 * unit}`} />}
      {lasso && (
        <polygon
          data-testid="selection-lasso"
          points={lasso.map(([x, y]) => `${x * width},${y * height}`).join(' ')}
          fill="rgba(47, 111, 223, 0.08)"
          stroke="#2f6fdf"
          strokeWidth={line}
          strokeDasharray={`${4 * unit} ${3 * unit}`}
        />
      )}
      {box && (
        <g data-testid="selection-box" data-box={[box.x0, box.y0, box.x1, box.y1].map((v) => v.toFixed(5)).join(' ')}>
          <rect {...px(box)} fill="none" stroke="#2f6fdf" strokeWidth={line} strokeDasharray={`${5 * unit} ${3 * unit}`} />
          <line x1={turn!.x} y1={turn!.edge} x2={turn!.x} y2={turn!.y} stroke="#2f6fdf" strokeWidth={line} />
          <circle data-testid="selection-rotate" cx={turn!.x} cy={turn!.y} r={ROTATE_R * unit} fill="#ffffff" stroke="#2f6fdf" strokeWidth={line} />
          {(['nw', 'ne', 'se', 'sw'] as const).map((h) => {
            const [x, y] = cornerAt(h, box);
            return <rect key={h} x={x * width - half} y={y * height - half} width={2 * half} height={2 * half} fill="#ffffff" stroke="#2f6fdf" strokeWidth={line} />;
          })}
        </g>
      )}
    </svg>
  );
}
