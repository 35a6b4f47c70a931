/** `boardwright insights` without --json: the figures as a few readable lines. */
import type { CoverageFigures, Hold, Insights } from '../../../shared/domain/insights';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const counts = (figures: Record<string, number>, unit = '') =>
  Object.entries(figures).map(([k, n]) => `${k}${unit} ${n}`).join(', ') || '-';
const holds = (list: Hold[]) => list.map((h) => `${h.shotNumber} ${seconds(h.durationMs)}`).join(', ') || '-';

function coverageLines(f: CoverageFigures, indent: string): string[] {
  return [
    `${indent}shot sizes: ${counts(f.shotSizes)}`,
    `${indent}angles: ${counts(f.angles)}`,
    `${indent}lenses: ${counts(f.lensesMm, 'mm')}`,
    `${indent}moves: ${counts(f.cameraMoves)}`,
    `${indent}palette: ${f.palette.join(' ') || '-'}`,
  ];
}

export function insightsText(title: string, insights: Insights): string {
  const { totals, generation: g } = insights;
  const lines = [
    `${title}: ${insights.scenes.length} scene${insights.scenes.length === 1 ? '' : 's'}, ${totals.panels} panel${totals.panels === 1 ? '' : 's'}, ` +
      `${seconds(totals.screenTimeMs)} of screen time, average shot ${seconds(totals.averageShotMs)}`,
    ...coverageLines(totals, '  '),
    `  shortest holds: ${holds(totals.shortest)}`,
    `  longest holds: ${holds(totals.longest)}`,
  ];
  for (const s of insights.scenes) {
    lines.push(`Scene ${s.number}: ${s.heading || '(no heading)'} - ${s.panels} panels, ${seconds(s.screenTimeMs)}, average shot ${seconds(s.averageShotMs)}`);
    lines.push(...coverageLines(s, '  '));
  }
  lines.push('Pacing by day (average shot, panels):');
  for (const p of insights.pacingHistory) lines.push(`  ${p.date}  ${seconds(p.averageShotMs)}  ${p.panels}`);
  if (insights.pacingHistory.length === 0) lines.push('  -');
  const share = `${Math.round(g.firstVariationPickedShare * 100)}%`;
  const toPick = g.medianTimeToPickMs === null ? '-' : `${Math.round(g.medianTimeToPickMs / 1000)} s`;
  lines.push(
    `Generation: ${g.variations} variations on ${Object.keys(g.variationsPerPanel).length} panels, ${g.picks} picks (${counts(g.picksByModel)}), ` +
      `first variation picked ${share}, median time to pick ${toPick}`,
  );
  return lines.join('\n');
}
