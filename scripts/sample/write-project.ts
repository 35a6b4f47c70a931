// Writing the sample project file through the core: project settings, the scene, one panel per shot.
import fs from 'node:fs';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { updateProject } from '../../electron/core/commands/project-commands';
import { SCENE, STYLE_NOTES, SHOTS } from './shots';

/** Removes a half-written sample and its WAL files. */
export function cleanup(temp: string): void {
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
}

/** Builds the project in `temp` with the panels' JPEGs (in SHOTS order), then moves it to `out`. */
export async function writeProject(out: string, temp: string, jpegs: Buffer[]): Promise<void> {
  let project: Project | null = null;
  try {
    project = Project.create(temp, { title: 'The Night Kitchen', aspectRatio: '2.39', fps: 24, defaultDurationMs: 2500 });
    updateProject(project, { styleNotes: STYLE_NOTES });
    const scene = createScene(project, { patch: SCENE });
    for (let i = 0; i < SHOTS.length; i++) {
      const panel = createPanel(project, { sceneId: scene.id, patch: SHOTS[i].patch });
      await setPanelImage(project, panel.id, jpegs[i], SHOTS[i].file);
    }
    // A new user's first undo should not unpick the sample: ship it with a clean history.
    project.db.exec("DELETE FROM history; DELETE FROM sqlite_sequence WHERE name = 'history';");
    project.db.exec('VACUUM');
    project.close();
    project = null;
    if (fs.existsSync(`${temp}-wal`) || fs.existsSync(`${temp}-shm`)) throw new Error('The sample still has a WAL after closing.');
    // A stale WAL beside the old file would be replayed into the new one: remove it first.
    for (const f of [`${out}-wal`, `${out}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(temp, out);
  } catch (e) {
    project?.close();
    cleanup(temp);
    throw e;
  }
}
