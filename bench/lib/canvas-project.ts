/** Builds the canvas benchmark's project straight through the core: scenes of panels with small distinct JPEGs. */
import sharp from 'sharp';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { CAMERA_MOVES, PANEL_STATUSES, SHOT_SIZES } from '../../shared/domain/board';
import { mulberry32 } from './images';

const W = 640;
const H = 268;

/** A 640x268 JPEG: a two-colour gradient with a few blocks, different for every seed (so every SHA-256 differs). */
export async function smallJpeg(seed: number): Promise<Buffer> {
  const r = mulberry32(seed + 1);
  const top = [r() * 255, r() * 255, r() * 255];
  const bottom = [r() * 120, r() * 120, r() * 120];
  const raw = Buffer.allocUnsafe(W * H * 3);
  for (let y = 0; y < H; y++) {
    const t = y / (H - 1);
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      for (let c = 0; c < 3; c++) raw[i + c] = top[c] * (1 - t) + bottom[c] * t + ((x * 7 + y * 3 + seed) % 11);
    }
  }
  for (let k = 0; k < 4; k++) {
    const bw = (30 + r() * 160) | 0;
    const bh = (20 + r() * 120) | 0;
    const bx = (r() * (W - bw)) | 0;
    const by = (r() * (H - bh)) | 0;
    const col = [r() * 255, r() * 255, r() * 255];
    for (let y = by; y < by + bh; y++) for (let x = bx; x < bx + bw; x++) for (let c = 0; c < 3; c++) raw[(y * W + x) * 3 + c] = col[c];
  }
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

const ACTIONS = [
  'She turns toward the window; rain streaks the glass.',
  'Headlights sweep across the ceiling.',
  'Close on her hands, trembling over the letter.',
  'The train passes and the platform empties.',
  '',
];

/** Creates `scenes` x `perScene` panels in a new project file, each with its own image and some shot data. */
export async function buildCanvasProject(file: string, scenes: number, perScene: number, progress: (line: string) => void): Promise<void> {
  const project = Project.create(file, { title: 'Canvas benchmark', aspectRatio: '2.39', fps: 24 });
  try {
    let seed = 0;
    for (let s = 0; s < scenes; s++) {
      const scene = createScene(project, { patch: { heading: `INT. LOCATION ${s + 1} — ${s % 2 ? 'NIGHT' : 'DAY'}`, synopsis: s % 3 ? '' : 'A turn in the story.' } });
      const files = [];
      for (let p = 0; p < perScene; p++) files.push({ bytes: await smallJpeg(seed++), name: `s${s + 1}-p${p + 1}.jpg` });
      const panels = await addImagePanels(project, { sceneId: scene.id, files });
      // A few shared patches per scene: shot sizes, lenses, moves, status and action text on every card.
      for (let g = 0; g < 5; g++) {
        const ids = panels.filter((_, i) => i % 5 === g).map((p) => p.id);
        if (ids.length === 0) continue;
        updatePanels(project, ids, {
          shotSize: SHOT_SIZES[(s + g) % SHOT_SIZES.length],
          lensMm: [18, 24, 35, 50, 85][g],
          cameraMove: CAMERA_MOVES[(s * 3 + g) % CAMERA_MOVES.length],
          status: PANEL_STATUSES[(s + g) % PANEL_STATUSES.length],
          action: ACTIONS[(s + g) % ACTIONS.length],
          notes: g === 2 ? 'Check continuity.' : '',
        });
      }
      if ((s + 1) % 10 === 0) progress(`${(s + 1) * perScene} panels`);
    }
  } finally {
    project.close();
  }
}
