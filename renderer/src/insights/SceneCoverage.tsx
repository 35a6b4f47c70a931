import { SHOT_SIZES } from '../../../shared/domain/board-constants';
import type { SceneInsights } from '../../../shared/domain/insights';
import { formatRunningTime } from '../util/format';
import { shotSizeColour } from './insights-colours';
import { orderedEntries } from './panel-filters';

/**
 * Shot sizes scene by scene: a row per scene, split by shot size in proportion to screen time (or
 * panel count), so the coverage of each scene reads at a glance. A click on a segment selects those panels.
 */
export function SceneCoverage({ scenes, by, onPick }: { scenes: SceneInsights[]; by: 'time' | 'count'; onPick: (sceneId: string, size: string) => void }) {
  if (scenes.length === 0) return null;
  return (
    <div className="ins-scene-coverage" data-testid="insights-scene-coverage">
      {scenes.map((s) => {
        const weights = by === 'time' ? s.shotSizeTimeMs : s.shotSizes;
        const total = Object.values(weights).reduce((a, b) => a + b, 0);
        let x = 0;
        return (
          <div key={s.sceneId} className="ins-scene-coverage-row">
            <span className="ins-scene-number" title={s.heading}>{s.number}</span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="ins-scene-coverage-bar" aria-label={`Scene ${s.number} shot sizes`}>
              {total > 0 &&
                orderedEntries(weights, SHOT_SIZES).map(([size, w]) => {
                  const width = (w / total) * 100;
                  const seg = (
                    <rect key={size} x={x} y={0} width={width} height={10} fill={shotSizeColour(size === 'none' ? null : size)} data-scene={s.sceneId} data-size={size} onClick={() => onPick(s.sceneId, size)}>
                      <title>{`${size === 'none' ? 'No size' : size}: ${s.shotSizes[size] ?? 0} panels, ${formatRunningTime(s.shotSizeTimeMs[size] ?? 0)}`}</title>
                    </rect>
                  );
                  x += width;
                  return seg;
                })}
            </svg>
          </div>
        );
      })}
    </div>
  );
}
