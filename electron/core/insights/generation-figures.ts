/**
 * Generation figures of a set of panels, from the variations, generation_jobs and prompt_versions
 * tables and the log's variation.picked entries. Variations with provider 'import' (a replaced
 * picture kept in the gallery) were not generated and are not counted.
 */
import type { GenerationFigures } from '../../../shared/domain/insights';
import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';

const IN_PANELS = 'panel_id IN (SELECT value FROM json_each(?))';

export function generationFigures(db: Db, panelIds: readonly string[]): GenerationFigures {
  const panels = JSON.stringify(panelIds);
  const variationsPerPanel = perPanel(db, `SELECT panel_id AS key, count(*) AS n FROM variations WHERE provider <> 'import' AND ${IN_PANELS} GROUP BY panel_id`, panelIds);
  const promptVersionsPerPanel = perPanel(db, `SELECT panel_id AS key, count(*) AS n FROM prompt_versions WHERE ${IN_PANELS} GROUP BY panel_id`, panelIds);
  const picks = db
    .prepare(`SELECT panel_id, created_at, data FROM decisions WHERE kind = 'variation.picked' AND ${IN_PANELS} ORDER BY created_at, rowid`)
    .all(panels) as { panel_id: string; created_at: string; data: string }[];

  const picksByModel: Record<string, number> = {};
  const requests = requestsOf(db, panels);
  let fromRequests = 0;
  let firsts = 0;
  for (const pick of picks) {
    const data = parseObject(pick.data);
    const provider = typeof data.provider === 'string' ? data.provider : 'unknown';
    const key = typeof data.model === 'string' && data.model ? `${provider}/${data.model}` : provider;
    picksByModel[key] = (picksByModel[key] ?? 0) + 1;
    const request = typeof data.variationId === 'string' ? requests.get(data.variationId) : undefined;
    if (!request) continue;
    fromRequests++;
    if (request.first) firsts++;
  }

  return {
    variations: Object.values(variationsPerPanel).reduce((a, b) => a + b, 0),
    variationsPerPanel,
    picksByModel,
    picks: picks.length,
    firstVariationPickedShare: fromRequests === 0 ? 0 : round3(firsts / fromRequests),
    promptVersionsPerPanel,
    medianTimeToPickMs: median(timesToPick(db, panels, picks)),
  };
}

/** The generated variations of the panels: whether each came first in its request (job), by id. */
function requestsOf(db: Db, panels: string): Map<string, { first: boolean }> {
  const rows = db
    .prepare(`SELECT id, job_id FROM variations WHERE job_id IS NOT NULL AND ${IN_PANELS} ORDER BY rowid`)
    .all(panels) as { id: string; job_id: string }[];
  const seen = new Set<string>();
  const out = new Map<string, { first: boolean }>();
  for (const row of rows) {
    out.set(row.id, { first: !seen.has(row.job_id) });
    seen.add(row.job_id);
  }
  return out;
}

/** Per panel: from its first generation request to its first pick after it. */
function timesToPick(db: Db, panels: string, picks: { panel_id: string; created_at: string }[]): number[] {
  const firstRequest = new Map(
    (db.prepare(`SELECT panel_id, min(created_at) AS t FROM generation_jobs WHERE ${IN_PANELS} GROUP BY panel_id`).all(panels) as { panel_id: string; t: string }[]).map(
      (r) => [r.panel_id, Date.parse(r.t)],
    ),
  );
  const out = new Map<string, number>();
  for (const pick of picks) {
    const start = firstRequest.get(pick.panel_id);
    const at = Date.parse(pick.created_at);
    if (start === undefined || out.has(pick.panel_id) || !(at >= start)) continue;
    out.set(pick.panel_id, at - start);
  }
  return [...out.values()];
}

/** Counts keyed by panel id, in board order (the order of `panelIds`), panels with none left out. */
function perPanel(db: Db, sql: string, panelIds: readonly string[]): Record<string, number> {
  const counts = new Map((db.prepare(sql).all(JSON.stringify(panelIds)) as { key: string; n: number }[]).map((r) => [r.key, r.n]));
  return Object.fromEntries(panelIds.flatMap((id) => (counts.has(id) ? [[id, counts.get(id)!]] : [])));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
