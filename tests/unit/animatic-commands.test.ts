import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setPanelFraming, setPanelTransition } from '../../electron/core/animatic/framing-commands';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { importAudio } from '../../electron/core/audio/audio-commands';
import { createDispatch, createHandlers, mediaResponse, Session, type Shell } from '../../electron/core/index';
import type { Project } from '../../electron/core/project';
import { snapshot, tempDir } from './helpers';
import { COLOURS, makeAnimaticProject, toneWav } from './animatic-helpers';

const dir = tempDir('bw-animatic-cmd ');
let project: Project;
afterAll(() => project?.close());

describe('camera moves and transitions are undoable edits', () => {
  it('sets, changes and clears a framing and a transition, one undo step each', async () => {
    project = await makeAnimaticProject(path.join(dir, 'edits.boardwright'), [{ rgb: COLOURS[0], durationMs: 1000 }, { rgb: COLOURS[1], durationMs: 1000 }]);
    const [a, b] = project.board().scenes[0].panels;
    const before = snapshot(project.db);
    const framing = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.2, y: 0.1, w: 0.6, h: 0.6 } };
    setPanelFraming(project, a.id, framing);
    expect(project.history().undoLabel).toBe('Set camera move of panel 1A');
    expect(readTimeline(project).segments[0].framing).toEqual(framing);
    setPanelTransition(project, [b.id], 'dissolve', 750);
    expect(project.history().undoLabel).toBe('Set transition of panel 1B');
    expect(readTimeline(project, 24).segments[1]).toMatchObject({ transitionIn: 'dissolve', inBefore: 9, inAfter: 9 });
    expect(project.board().scenes[0].panels[1].transition).toBe('dissolve');
    setPanelTransition(project, [b.id], 'cut');
    expect(readTimeline(project).segments[1].transitionIn).toBe('cut');
    setPanelFraming(project, a.id, null);
    expect(project.history().undoLabel).toBe('Clear camera move of panel 1A');
    for (let i = 0; i < 4; i++) project.undo();
    expect(snapshot(project.db)).toEqual(before);
  });

  it('refuses unknown panels and transitions without changing anything', () => {
    const before = snapshot(project.db);
    expect(() => setPanelFraming(project, 'nope', null)).toThrow(/No panel/);
    expect(() => setPanelTransition(project, ['nope'], 'dissolve')).toThrow(/No panel/);
    expect(() => setPanelTransition(project, [project.board().scenes[0].panels[0].id], 'wipe')).toThrow(/Unknown transition "wipe"/);
    expect(snapshot(project.db)).toEqual(before);
  });

  it('old or hand-edited framing text that is not a framing is ignored, not fatal', () => {
    const id = project.board().scenes[0].panels[0].id;
    project.db.prepare('UPDATE panels SET camera_framing = ? WHERE id = ?').run('{"start":{"x":"a"}}', id);
    expect(readTimeline(project).segments[0].framing).toBeNull();
    project.db.prepare('UPDATE panels SET camera_framing = NULL WHERE id = ?').run(id);
  });

  it('serves project audio at /media/audio/<sha256> for the player (Electron app:// and web mode alike)', async () => {
    const clip = await importAudio(project, { bytes: toneWav(200, 0, 100), fileName: 'click.wav', kind: 'track' });
    const shell: Shell = {
      kind: 'web', projectsDir: dir,
      chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
    };
    const session = new Session(shell, path.join(dir, 'settings'));
    createDispatch(createHandlers(session), () => {});
    // Read-only beside this test's own writer (one writer per file).
    session.open(project.path, { readOnly: true });
    try {
      const media = await mediaResponse(session, `/media/audio/${clip.sha256}`);
      expect(media?.type).toBe('audio/wav');
      expect(media?.body.equals(toneWav(200, 0, 100))).toBe(true);
      expect(mediaResponse(session, `/media/audio/${'0'.repeat(64)}`)).toBeNull();
      expect(mediaResponse(session, '/media/audio/../../etc/passwd')).toBeNull();
    } finally {
      session.close();
    }
  });
});
