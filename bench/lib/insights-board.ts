/**
 * A large board with a history, for the taste record's benches (issue 15): BENCH_PANELS panels in 40
 * scenes, every shot field varied, each panel with its own picture (distinct SHA-256; thumbnails and
 * palettes taken round-robin from a few real photo-like images), a month of logged duration changes
 * and deletions, and generation requests, variations, prompt versions and picks. Written with plain
 * SQL in one transaction (a bench fixture, not an edit). Not a bench itself.
 */
import { createHash } from 'node:crypto';
import { SHOT_SIZES, ANGLES, CAMERA_MOVES } from '../../shared/domain/board-constants';
import { newId } from '../../electron/core/commands/ids';
import type { StoredImage } from '../../electron/core/queries/image-queries';
import { storeImage } from '../../electron/core/queries/image-queries';
import { Project } from '../../electron/core/project';
import { mulberry32 } from './images';

const SCENES = 40;
const DAYS = 30;
const LENSES = [18, 24, 28, 35, 40, 50, 85, 100, 135];

const fakeSha = (n: number) => createHash('sha256').update(`bench-picture-${n}`).digest('hex');
const dayTime = (day: number, r: () => number) => new Date(Date.UTC(2026, 0, 1 + day, 8 + Math.floor(r() * 10), Math.floor(r() * 60))).toISOString();

/** `pictures`: prepared images (with palettes) to reuse; every panel still gets a picture of its own. */
export function buildInsightsBoard(file: string, panels: number, pictures: StoredImage[]): Project {
  const project = Project.create(file, { title: 'Insights bench', aspectRatio: '2.39', fps: 24 });
  const db = project.db;
  const r = mulberry32(15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  db.transaction(() => {
    const scene = db.prepare('INSERT INTO scenes (id, position, heading, created_at) VALUES (?, ?, ?, ?)');
    const panel = db.prepare(
      `INSERT INTO panels (id, scene_id, position, duration_ms, shot_size, angle, lens_mm, camera_move, status, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', '[]', ?, ?)`,
    );
    const layer = db.prepare("INSERT INTO panel_layers (id, panel_id, kind, position, image_sha256) VALUES (?, ?, 'image', 0, ?)");
    const decision = db.prepare('INSERT INTO decisions (id, created_at, panel_id, scene_id, kind, field, old_value, new_value, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const prompt = db.prepare("INSERT INTO prompt_versions (id, panel_id, text, created_at) VALUES (?, ?, 'a prompt', ?)");
    const job = db.prepare("INSERT INTO generation_jobs (id, panel_id, prompt_version_id, provider, model, count, status, created_at) VALUES (?, ?, ?, ?, ?, 4, 'succeeded', ?)");
    const variation = db.prepare('INSERT INTO variations (id, panel_id, job_id, prompt_version_id, image_sha256, provider, model, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const sceneIds = Array.from({ length: SCENES }, (_, s) => {
      const id = newId();
      scene.run(id, s + 1, `INT. ROOM ${s + 1} - DAY`, dayTime(0, r));
      return id;
    });
    for (let n = 0; n < panels; n++) {
      const id = newId();
      const sceneId = sceneIds[Math.floor((n * SCENES) / panels)];
      const created = Math.floor(r() * DAYS);
      const duration = 500 + Math.floor(r() * 60) * 100;
      const sha = fakeSha(n);
      storeImage(db, { ...pictures[n % pictures.length], sha256: sha, sourceName: null });
      panel.run(id, sceneId, n, duration, pick(SHOT_SIZES), r() < 0.2 ? null : pick(ANGLES), r() < 0.1 ? null : pick(LENSES), pick(CAMERA_MOVES), dayTime(created, r), dayTime(created, r));
      layer.run(newId(), id, sha);
      // A month of second thoughts: two duration changes for most panels, a deleted panel now and then.
      for (let k = 0; k < 2; k++) {
        const day = Math.min(DAYS - 1, created + 1 + Math.floor(r() * 5));
        decision.run(newId(), dayTime(day, r), id, sceneId, 'shot.duration', 'duration_ms', String(duration + 500), String(duration), '{}');
      }
      if (n % 20 === 0) decision.run(newId(), dayTime(DAYS - 1, r), newId(), sceneId, 'panel.deleted', null, '99Z', null, JSON.stringify({ durationMs: 2500 }));
      if (n % 2 === 0) {
        const version = newId();
        prompt.run(version, id, dayTime(created, r));
        const jobId = newId();
        const [provider, model] = pick([['openai', 'gpt-image-1'], ['stability', 'sd3'], ['builtin', 'sketch']] as const);
        job.run(jobId, id, version, provider, model, dayTime(created, r));
        const ids = Array.from({ length: 4 }, () => newId());
        ids.forEach((v) => variation.run(v, id, jobId, version, sha, provider, model, dayTime(created, r)));
        const data = { variationId: pick(ids), provider, model, alternatives: [] };
        decision.run(newId(), dayTime(Math.min(DAYS - 1, created + 1), r), id, sceneId, 'variation.picked', 'image', null, sha, JSON.stringify(data));
      }
    }
  }).immediate();
  return project;
}
