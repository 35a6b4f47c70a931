/** A horizontal bar chart in plain SVG: one row per key, a bar as long as its value; a click on a row calls onPick. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown after the value, e.g. the screen time beside a count. */
  detail?: string;
  colour?: string;
}

const ROW = 20;
const LABEL_W = 86;
const VALUE_W = 78;

export function BarChart({ bars, title, testId, empty, onPick }: { bars: Bar[]; title: string; testId: string; empty: string; onPick?: (key: string) => void }) {
  const width = 300;
  const barW = width - LABEL_W - VALUE_W;
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <p className="ins-empty">{empty}</p>;
  return (
    <svg className="ins-bars" viewBox={`0 0 ${width} ${bars.length * ROW}`} width="100%" role="list" aria-label={title} data-testid={testId}>
      {bars.map((b, i) => (
        <g
          key={b.key}
          role="listitem"
          className={onPick ? 'ins-bar is-clickable' : 'ins-bar'}
          transform={`translate(0 ${i * ROW})`}
          data-key={b.key}
          data-value={b.value}
          onClick={() => onPick?.(b.key)}
        >
          <title>{`${b.label}: ${b.value}${b.detail ? ` (${b.detail})` : ''}`}</title>
          <rect className="ins-bar-hit" x={0} y={0} width={width} height={ROW} />
          <text className="ins-bar-label" x={LABEL_W - 6} y={ROW / 2} dy="0.35em" textAnchor="end">
            {b.label}
          </text>
          <rect className="ins-bar-fill" x={LABEL_W} y={4} width={Math.max(2, (b.value / max) * barW)} height={ROW - 8} rx={2} fill={b.colour ?? 'var(--accent)'} />
          <text className="ins-bar-value" x={width - VALUE_W + 6} y={ROW / 2} dy="0.35em">
            {b.value}
            {b.detail ? <tspan className="ins-bar-detail"> · {b.detail}</tspan> : null}
          </text>
        </g>
      ))}
    </svg>
  );
}
