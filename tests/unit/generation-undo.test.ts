import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createPanel, deletePanels } from '../../electron/core/commands/panel-commands';
import { migrate } from '../../electron/core/db/migrate';
import { listVariations } from '../../electron/core/generation/job-rows';
import { listPromptVersions } from '../../electron/core/generation/prompt-versions';
import { GatedProvider, useHarnesses } from './generation-helpers';

const { make } = useHarnesses();

describe('generated rows and undo', () => {
  it('migration 3 adds the trigger that lets undo remove a panel that has generated rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db)).toBeGreaterThanOrEqual(3);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()).toContain('panels_delete_generated');
  });

  it('undo of "Add panel" after generating for it works, and the undo history is not blocked', async () => {
    const h = make({ panels: 1 });
    (h.providers.get('openai') as GatedProvider).autoRelease = true;
    const panel = createPanel(h.project, { sceneId: h.sceneId });
    await h.service.settled(h.service.start({ panelId: panel.id, providerId: 'openai', prompt: 'Storm', count: 2 }).id);
    expect(listVariations(h.project.db, panel.id)).toHaveLength(2);
    expect(h.project.undo().redoLabel).toBe('Add panel');
    expect(h.project.board().scenes[0].panels.map((p) => p.id)).toEqual([h.panelIds[0]]);
    expect(h.service.jobs()).toEqual([]);
    // Earlier edits can still be undone.
    expect(h.project.undo().redoLabel).toBe('Add panel');
    h.project.redo();
    h.project.redo();
    expect(h.project.panel(panel.id).id).toBe(panel.id);
    expect(listVariations(h.project.db, panel.id)).toEqual([]);
  });

  it('deleting a panel takes its variations, jobs and prompts with it, and undo brings them all back', async () => {
    const h = make({ panels: 2 });
    (h.providers.get('openai') as GatedProvider).autoRelease = true;
    const job = h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: 'Storm', count: 2 });
    await h.service.settled(job.id);
    deletePanels(h.project, [h.panelIds[0]]);
    expect(h.service.jobs()).toEqual([]);
    h.project.undo();
    expect(listVariations(h.project.db, h.panelIds[0])).toHaveLength(2);
    expect(listPromptVersions(h.project.db, h.panelIds[0])).toHaveLength(1);
    expect(h.service.job(job.id).status).toBe('succeeded');
  });
});
