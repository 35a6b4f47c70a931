import { describe, expect, it } from 'vitest';
import { deletePanels } from '../../electron/core/commands/panel-commands';
import { duplicatePanels } from '../../electron/core/commands/duplicate-commands';
import { composePrompt } from '../../electron/core/generation/prompt-composer';
import { recomposePrompt, saveTypedPrompt } from '../../electron/core/generation/prompt-edits';
import { listPromptVersions } from '../../electron/core/generation/prompt-versions';
import { GatedProvider, useHarnesses } from './generation-helpers';

const { make } = useHarnesses();

const shown = (h: ReturnType<typeof make>, panel = 0) => composePrompt(h.project, h.panelIds[panel]).current;

describe('typed prompts and Recompose', () => {
  it('stores typed text as a typed version the panel shows, one undoable edit', () => {
    const h = make({ panels: 1 });
    const panelId = h.panelIds[0];
    const v = saveTypedPrompt(h.project, { panelId, text: 'Mara at the lamp, backlit', negative: '' });
    expect(v).toMatchObject({ source: 'typed', text: 'Mara at the lamp, backlit', parentId: null });
    expect(shown(h)?.id).toBe(v.id);
    expect(h.project.history().undoLabel).toBe('Edit prompt of 1A');
    h.project.undo();
    expect(shown(h)).toBeNull();
    // The version stays in the history: undo moves what the panel shows, not the record.
    expect(listPromptVersions(h.project.db, panelId).map((x) => x.text)).toEqual(['Mara at the lamp, backlit']);
  });

  it('one version per editing session: an amend rewrites it in place and adds no undo step', () => {
    const h = make({ panels: 1 });
    const panelId = h.panelIds[0];
    const first = saveTypedPrompt(h.project, { panelId, text: 'Mara at', negative: '' });
    const depth = () => h.project.db.prepare('SELECT count(*) FROM history WHERE undone = 0').pluck().get();
    const before = depth();
    const again = saveTypedPrompt(h.project, { panelId, text: 'Mara at the lamp', negative: '', amendVersionId: first.id });
    expect(again.id).toBe(first.id);
    expect(depth()).toBe(before);
    expect(listPromptVersions(h.project.db, panelId).map((x) => x.text)).toEqual(['Mara at the lamp']);
    // A new session (no amend) is a new version, child of the first.
    const next = saveTypedPrompt(h.project, { panelId, text: 'Mara at the lamp, rain', negative: '' });
    expect(next).toMatchObject({ source: 'typed', parentId: first.id });
    expect(listPromptVersions(h.project.db, panelId)).toHaveLength(2);
  });

  it('never rewrites a typed version once it was sent, nor one the panel no longer shows', async () => {
    const h = make({ panels: 1 });
    (h.providers.get('openai') as GatedProvider).autoRelease = true;
    const panelId = h.panelIds[0];
    const typed = saveTypedPrompt(h.project, { panelId, text: 'Storm over the lamp', negative: '' });
    const job = h.service.start({ panelId, providerId: 'openai', prompt: 'Storm over the lamp', count: 1, parentVersionId: typed.id });
    expect(job.promptVersionId).toBe(typed.id);
    await h.service.settled(job.id);
    const after = saveTypedPrompt(h.project, { panelId, text: 'Storm over the lamp, night', negative: '', amendVersionId: typed.id });
    expect(after.id).not.toBe(typed.id);
    expect(listPromptVersions(h.project.db, panelId).find((v) => v.id === typed.id)?.text).toBe('Storm over the lamp');

    h.project.undo();
    const stale = saveTypedPrompt(h.project, { panelId, text: 'Something else', negative: '', amendVersionId: after.id });
    expect(stale.id).not.toBe(after.id);
  });

  it('Recompose stores the composed prompt as a version; undo brings the typed text back', () => {
    const h = make({ panels: 1 });
    const panelId = h.panelIds[0];
    const typed = saveTypedPrompt(h.project, { panelId, text: 'My own words for this shot', negative: '' });
    const r = recomposePrompt(h.project, panelId);
    expect(r.replacedTyped).toBe(true);
    expect(r.composed.current).toMatchObject({ source: 'composed', text: r.composed.text, parentId: typed.id });
    expect(h.project.history().undoLabel).toBe('Recompose prompt of 1A');
    h.project.undo();
    expect(shown(h)).toMatchObject({ id: typed.id, text: 'My own words for this shot' });
    expect(listPromptVersions(h.project.db, panelId).map((v) => v.source)).toEqual(['composed', 'typed']);
    h.project.redo();
    expect(shown(h)?.source).toBe('composed');
    // Already showing the composed prompt: nothing to do, no undo step.
    const depth = h.project.db.prepare('SELECT count(*) FROM history').pluck().get();
    expect(recomposePrompt(h.project, panelId).replacedTyped).toBe(false);
    expect(h.project.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(depth);
  });

  it('Recompose over a prompt that was only sent reports no typed text replaced; undo shows the sent one again', async () => {
    const h = make({ panels: 1 });
    (h.providers.get('openai') as GatedProvider).autoRelease = true;
    const panelId = h.panelIds[0];
    const job = h.service.start({ panelId, providerId: 'openai', prompt: 'Sent once', count: 1 });
    await h.service.settled(job.id);
    expect(recomposePrompt(h.project, panelId).replacedTyped).toBe(false);
    h.project.undo();
    expect(shown(h)).toMatchObject({ id: job.promptVersionId, source: 'sent' });
  });

  it('a duplicate does not show the original panel\'s prompt; deleting a panel and undoing keeps what it showed', () => {
    const h = make({ panels: 1 });
    const panelId = h.panelIds[0];
    const typed = saveTypedPrompt(h.project, { panelId, text: 'Only for this panel', negative: '' });
    const [copy] = duplicatePanels(h.project, [panelId]);
    expect(copy.promptVersionId).toBeNull();
    deletePanels(h.project, [panelId]);
    h.project.undo();
    expect(shown(h)?.id).toBe(typed.id);
    expect(() => saveTypedPrompt(h.project, { panelId: copy.id, text: 'x', negative: '', parentVersionId: typed.id })).toThrow(/No prompt version/);
  });
});
