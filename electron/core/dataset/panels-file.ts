import type { Project } from '../project';
import type { DatasetImages } from './dataset-images';

/** panels.jsonl: one record per panel, in board order (README.md in the dataset lists the fields). */
export function panelRecords(project: Project, images: DatasetImages, palettes: ReadonlyMap<string, string[]>) {
  const pickedVariation = new Map(
    (project.db
      .prepare(`SELECT v.panel_id, v.id FROM variations v JOIN panel_layers l ON l.panel_id = v.panel_id AND l.kind = 'image' AND l.image_sha256 = v.image_sha256 ORDER BY v.created_at, v.rowid`)
      .all() as { panel_id: string; id: string }[]).map((r) => [r.panel_id, r.id]),
  );
  const transitionMs = new Map((project.db.prepare('SELECT id, transition_ms FROM panels').all() as { id: string; transition_ms: number | null }[]).map((r) => [r.id, r.transition_ms]));
  const records = [];
  let index = 0;
  let startMs = 0;
  for (const scene of project.board().scenes) {
    let sceneStartMs = 0;
    for (const p of scene.panels) {
      const counted = !p.omitted && !scene.omitted;
      records.push({
        panel_id: p.id,
        index: index++,
        shot: p.shotNumber,
        scene: scene.number,
        scene_id: scene.id,
        scene_heading: scene.heading,
        shot_size: p.shotSize,
        angle: p.angle,
        lens_mm: p.lensMm,
        camera_move: p.cameraMove,
        transition: p.transition ?? 'cut',
        transition_ms: transitionMs.get(p.id) ?? null,
        status: p.status,
        duration_ms: p.durationMs,
        start_ms: counted ? startMs : null,
        scene_start_ms: counted ? sceneStartMs : null,
        action: p.action,
        dialogue: p.dialogue,
        sound: p.sound,
        notes: p.notes,
        tags: p.tags,
        omitted: p.omitted || scene.omitted,
        palette: (p.thumbSha256 ? palettes.get(p.thumbSha256) : undefined) ?? [],
        image: images.ref(p.imageSha256),
        image_sha256: p.imageSha256,
        picked_variation_id: pickedVariation.get(p.id) ?? null,
      });
      if (counted) {
        startMs += p.durationMs;
        sceneStartMs += p.durationMs;
      }
    }
  }
  return records;
}
