import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CoreError } from '../../core/errors';
import { Project } from '../../core/project';
import { addImagePanels } from '../../core/commands/image-commands';
import { createScene } from '../../core/commands/scene-commands';
import { requireArg, secondsToMs, UsageError } from '../usage';

/** One new panel per image, in order, appended to the named scene (created if missing) or the last scene. */
export async function runAdd(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { scene: { type: 'string' }, duration: { type: 'string' } },
  });
  const file = requireArg(positionals[0], 'FILE');
  const images = positionals.slice(1);
  if (images.length === 0) throw new UsageError('Name at least one IMAGE to add.');
  const durationMs = values.duration === undefined ? undefined : secondsToMs(values.duration, '--duration');
  const files = images.map((img) => {
    try {
      return { bytes: fs.readFileSync(img), name: path.basename(img) };
    } catch {
      throw new CoreError('FILE_NOT_FOUND', `Cannot read image ${img}.`);
    }
  });
  const project = Project.open(file);
  try {
    const board = project.board();
    const heading = values.scene;
    let scene = heading === undefined ? board.scenes[board.scenes.length - 1] : board.scenes.find((s) => s.heading === heading);
    const sceneId = scene?.id ?? createScene(project, { patch: { heading: heading ?? '' } }).id;
    const panels = await addImagePanels(project, { sceneId, files, durationMs });
    scene = project.board().scenes.find((s) => s.id === sceneId);
    return panels.map((p, i) => `Added panel ${p.shotNumber} (${files[i].name})`).join('\n');
  } finally {
    project.close();
  }
}
