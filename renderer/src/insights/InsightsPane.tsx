import { useState } from 'react';
import { ANGLES, CAMERA_MOVES, SHOT_SIZES } from '../../../shared/domain/board-constants';
import type { CoverageFigures, Insights } from '../../../shared/domain/insights';
import { useBoardStore } from '../state/board-store';
import { formatRunningTime, formatSeconds } from '../util/format';
import { BarChart, type Bar } from './BarChart';
import { GenerationSection } from './GenerationSection';
import { Section, Tile } from './InsightsParts';
import { shotSizeColour } from './insights-colours';
import { PacingHistory } from './PacingHistory';
import { PaletteStrip } from './PaletteStrip';
import { orderedEntries, panelsInScope, panelsWith, panelsWithColour, type CoverageField } from './panel-filters';
import { RhythmStrip } from './RhythmStrip';
import { SceneCoverage } from './SceneCoverage';
import { useInsights } from './use-insights';
import './insights.css';

/**
 * The taste record: coverage, pacing, colour and generation figures for the whole project or the
 * chosen scenes. Every bar, strip and swatch selects the panels it stands for on the board.
 */
export function InsightsPane() {
  const board = useBoardStore((s) => s.board);
  const [sceneIds, setSceneIds] = useState<string[]>([]);
  const { insights, error } = useInsights(sceneIds);
  if (!board) return null;
  const scenes = board.scenes.filter((s) => !s.omitted);
  const inScope = panelsInScope(board, sceneIds);

  const select = (ids: string[]) => {
    if (ids.length === 0) return;
    useBoardStore.getState().setSelection(ids, ids[0], ids[0], true);
  };
  const toggleScene = (id: string) => setSceneIds((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));
  const pickCoverage = (field: CoverageField) => (key: string) => select(panelsWith(inScope, field, key));
  const pickSceneSize = (sceneId: string, size: string) => select(panelsWith(panelsInScope(board, [sceneId]), 'shotSize', size));

  return (
    <div className="gen-panel ins-panel" data-testid="insights-panel">
      <div className="inspector-header">
        <span className="inspector-kicker">Taste record</span>
        <h2 className="inspector-title">Insights</h2>
      </div>
      <div className="ins-scope" role="group" aria-label="Scenes">
        <button type="button" className={`ins-chip${sceneIds.length === 0 ? ' is-on' : ''}`} data-testid="insights-scope-all" onClick={() => setSceneIds([])}>
          All scenes
        </button>
        {scenes.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`ins-chip${sceneIds.includes(s.id) ? ' is-on' : ''}`}
            title={s.heading}
            data-testid="insights-scope-scene"
            onClick={() => toggleScene(s.id)}
          >
            {s.scriptNumber ?? s.number}
          </button>
        ))}
      </div>
      {error && <p className="ins-error" role="alert">{error}</p>}
      {insights && <Figures insights={insights} select={select} pickCoverage={pickCoverage} pickSceneSize={pickSceneSize} />}
    </div>
  );
}

interface FigureProps {
  insights: Insights;
  select: (ids: string[]) => void;
  pickCoverage: (f: CoverageField) => (key: string) => void;
  pickSceneSize: (sceneId: string, size: string) => void;
}

function Figures({ insights, select, pickCoverage, pickSceneSize }: FigureProps) {
  const t = insights.totals;
  return (
    <>
      <div className="ins-tiles" data-testid="insights-totals">
        <Tile label="Panels" value={String(t.panels)} />
        <Tile label="Screen time" value={formatRunningTime(t.screenTimeMs)} />
        <Tile label="Average shot" value={formatSeconds(t.averageShotMs)} />
      </div>

      <Section title="Coverage">
        <h4 className="ins-h">Shot sizes <span className="ins-sub">panels · screen time</span></h4>
        <BarChart title="Shot sizes" testId="insights-shot-sizes" empty="No panels yet." bars={shotSizeBars(t)} onPick={pickCoverage('shotSize')} />
        <h4 className="ins-h">Shot sizes by scene <span className="ins-sub">share of screen time</span></h4>
        <SceneCoverage scenes={insights.scenes} by="time" onPick={pickSceneSize} />
        <h4 className="ins-h">Angles</h4>
        <BarChart title="Angles" testId="insights-angles" empty="No panels yet." bars={countBars(t.angles, ANGLES)} onPick={pickCoverage('angle')} />
        <h4 className="ins-h">Lenses</h4>
        <BarChart title="Lenses" testId="insights-lenses" empty="No lens set on any panel yet." bars={countBars(t.lensesMm).map((b) => ({ ...b, label: `${b.label} mm` }))} onPick={pickCoverage('lensMm')} />
        <h4 className="ins-h">Camera moves</h4>
        <BarChart title="Camera moves" testId="insights-moves" empty="No panels yet." bars={countBars(t.cameraMoves, CAMERA_MOVES)} onPick={pickCoverage('cameraMove')} />
      </Section>

      <Section title="Pacing">
        <ol className="ins-scenes">
          {insights.scenes.map((s) => (
            <li key={s.sceneId} className="ins-scene" data-testid="insights-scene">
              <div className="ins-scene-head">
                <span className="ins-scene-number">{s.number}</span>
                <span className="ins-scene-heading" title={s.heading}>{s.heading || 'Untitled scene'}</span>
                <span className="ins-scene-asl" title="Average shot length">{s.panels > 0 ? formatSeconds(s.averageShotMs) : '—'}</span>
              </div>
              <RhythmStrip bars={s.rhythm} onPick={(id) => select([id])} />
              <PaletteStrip colours={s.palette} testId="insights-scene-palette" onPick={(hex) => select(panelsWithColour(insights, hex, s.sceneId))} />
            </li>
          ))}
        </ol>
        <Legend />
        <div className="ins-holds">
          <Holds title="Longest holds" holds={t.longest} select={select} testId="insights-longest" />
          <Holds title="Shortest holds" holds={t.shortest} select={select} testId="insights-shortest" />
        </div>
        <h4 className="ins-h">Average shot over the project's history</h4>
        <PacingHistory points={insights.pacingHistory} />
      </Section>

      <Section title="Colour">
        <h4 className="ins-h">Project palette</h4>
        <PaletteStrip colours={t.palette} testId="insights-palette" onPick={(hex) => select(panelsWithColour(insights, hex))} />
      </Section>

      <GenerationSection figures={insights.generation} select={select} />
    </>
  );
}

function shotSizeBars(t: CoverageFigures): Bar[] {
  return orderedEntries(t.shotSizes, SHOT_SIZES).map(([key, n]) => ({
    key,
    label: key === 'none' ? 'No size' : key,
    value: n,
    detail: formatRunningTime(t.shotSizeTimeMs[key] ?? 0),
    colour: shotSizeColour(key === 'none' ? null : key),
  }));
}

function countBars(counts: Record<string, number>, order?: readonly string[]): Bar[] {
  return orderedEntries(counts, order).map(([key, n]) => ({ key, label: key === 'none' ? 'None' : key, value: n }));
}

function Holds({ title, holds, select, testId }: { title: string; holds: Insights['totals']['longest']; select: (ids: string[]) => void; testId: string }) {
  return (
    <div className="ins-hold-list" data-testid={testId}>
      <h4 className="ins-h">{title}</h4>
      {holds.map((h) => (
        <button key={h.panelId} type="button" className="ins-hold" onClick={() => select([h.panelId])}>
          <span>{h.shotNumber}</span>
          <span>{formatSeconds(h.durationMs)}</span>
        </button>
      ))}
    </div>
  );
}

function Legend() {
  return (
    <div className="ins-legend" aria-label="Shot size colours">
      {SHOT_SIZES.map((s) => (
        <span key={s} className="ins-legend-item">
          <i style={{ background: shotSizeColour(s) }} />
          {s}
        </span>
      ))}
    </div>
  );
}
