import type { GenerationFigures } from '../../../shared/domain/insights';
import { useBoardStore } from '../state/board-store';
import { BarChart } from './BarChart';
import { Section, Tile } from './InsightsParts';

const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

/** How generation was used: variations per panel, picks per model, first-variation picks, prompt versions, time to a pick. */
export function GenerationSection({ figures, select }: { figures: GenerationFigures; select: (ids: string[]) => void }) {
  const board = useBoardStore((s) => s.board);
  const shot = new Map<string, string>();
  for (const s of board?.scenes ?? []) for (const p of s.panels) shot.set(p.id, p.shotNumber);
  const perPanel = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([id]) => shot.has(id))
      .map(([id, n]) => ({ key: id, label: shot.get(id) ?? id, value: n }));
  return (
    <Section title="Generation">
      <div className="ins-tiles ins-tiles-4" data-testid="insights-generation">
        <Tile label="Variations" value={String(figures.variations)} />
        <Tile label="Picks" value={String(figures.picks)} />
        <Tile label="First one picked" value={figures.picks ? `${Math.round(figures.firstVariationPickedShare * 100)}%` : '—'} />
        <Tile label="Time to pick" value={figures.medianTimeToPickMs === null ? '—' : minutes(figures.medianTimeToPickMs)} />
      </div>
      <h4 className="ins-h">Picks by provider and model</h4>
      <BarChart title="Picks" testId="insights-picks" empty="No variation picked yet." bars={Object.entries(figures.picksByModel).map(([k, n]) => ({ key: k, label: k.split('/').pop() ?? k, value: n }))} />
      <h4 className="ins-h">Variations per panel</h4>
      <BarChart title="Variations" testId="insights-variations" empty="No variations generated yet." bars={perPanel(figures.variationsPerPanel)} onPick={(id) => select([id])} />
      <h4 className="ins-h">Prompt versions per panel</h4>
      <BarChart title="Prompt versions" testId="insights-prompts" empty="No prompts written yet." bars={perPanel(figures.promptVersionsPerPanel)} onPick={(id) => select([id])} />
    </Section>
  );
}
