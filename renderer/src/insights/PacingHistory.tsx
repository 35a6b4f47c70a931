import type { PacingPoint } from '../../../shared/domain/insights';
import { formatSeconds } from '../util/format';

/** The average shot length at the end of each day the board was edited, as a line (a dot per day). */
export function PacingHistory({ points }: { points: PacingPoint[] }) {
  if (points.length < 2) return <p className="ins-empty">The pacing history shows once the board has been edited on two days.</p>;
  const w = 300;
  const h = 60;
  const max = Math.max(...points.map((p) => p.averageShotMs));
  const min = Math.min(...points.map((p) => p.averageShotMs));
  const span = Math.max(1, max - min);
  const xy = points.map((p, i) => [8 + (i / (points.length - 1)) * (w - 16), h - 10 - ((p.averageShotMs - min) / span) * (h - 20)] as const);
  return (
    <svg className="ins-history" viewBox={`0 0 ${w} ${h}`} width="100%" data-testid="insights-history" aria-label="Average shot length over time">
      <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
      {points.map((p, i) => (
        <circle key={p.date} cx={xy[i][0]} cy={xy[i][1]} r={3} fill="var(--accent)">
          <title>{`${p.date}: ${formatSeconds(p.averageShotMs)} average over ${p.panels} panels`}</title>
        </circle>
      ))}
      <text x={8} y={h - 1} className="ins-axis">{points[0].date}</text>
      <text x={w - 8} y={h - 1} className="ins-axis" textAnchor="end">{points[points.length - 1].date}</text>
    </svg>
  );
}
