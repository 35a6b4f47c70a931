import type { RhythmBar } from '../../../shared/domain/insights';
import { formatSeconds } from '../util/format';
import { shotSizeColour } from './insights-colours';

/** Every panel of a scene as a bar as wide as its duration, coloured by its shot size; a click selects the panel. */
export function RhythmStrip({ bars, onPick }: { bars: RhythmBar[]; onPick: (panelId: string) => void }) {
  const total = bars.reduce((n, b) => n + b.durationMs, 0);
  if (total === 0) return null;
  let x = 0;
  return (
    <svg className="ins-rhythm" viewBox={`0 0 ${total} 14`} preserveAspectRatio="none" width="100%" height="14" data-testid="insights-rhythm">
      {bars.map((b) => {
        const rect = (
          <rect
            key={b.panelId}
            className="ins-rhythm-bar"
            x={x}
            y={0}
            width={b.durationMs}
            height={14}
            fill={shotSizeColour(b.shotSize)}
            data-panel={b.panelId}
            onClick={() => onPick(b.panelId)}
          >
            <title>{`${b.shotNumber} · ${b.shotSize ?? 'no size'} · ${formatSeconds(b.durationMs)}`}</title>
          </rect>
        );
        x += b.durationMs;
        return rect;
      })}
    </svg>
  );
}
