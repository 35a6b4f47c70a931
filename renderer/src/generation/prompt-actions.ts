/**
 * The prompt field of a panel: what the filmmaker types is stored as a 'typed' prompt version when
 * they leave the field or pause (one version per editing session, not one per keystroke), and
 * Recompose stores the composed prompt. Each moves what the panel shows: an undoable edit.
 */
import type { ComposedPrompt, PromptVersion } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { refresh, run } from '../state/run';
import { genState, useGenStore, type PromptDraft } from './gen-store';

/** A pause this long in typing stores the text, as leaving the field does. */
export const IDLE_STORE_MS = 2000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const stores = new Map<string, Promise<unknown>>();

/** The draft a panel's field starts from: the version it shows, else the composed prompt. */
export function draftFrom(composed: ComposedPrompt): PromptDraft {
  const v: PromptVersion | null = composed.current;
  return v ? { text: v.text, negative: v.negative, parentVersionId: v.id } : { text: composed.text, negative: composed.negative, parentVersionId: null };
}

function patchDraft(panelId: string, patch: Partial<PromptDraft>): void {
  useGenStore.setState((s) => ({ drafts: { ...s.drafts, [panelId]: { ...s.drafts[panelId], ...patch } } }));
}

/** Stores the draft if it was typed since the last store. Runs on the board's queue (so Undo comes after it). */
async function storeTyped(panelId: string, endSession: boolean): Promise<void> {
  const d = genState().drafts[panelId];
  if (!d?.dirty || !d.text.trim()) {
    if (endSession && d?.sessionVersionId) patchDraft(panelId, { sessionVersionId: null });
    return;
  }
  const { text, negative } = d;
  const v = await api.call('generation.savePrompt', {
    panelId,
    text,
    negative,
    parentVersionId: d.parentVersionId,
    amendVersionId: d.sessionVersionId ?? undefined,
  });
  const now = genState().drafts[panelId];
  patchDraft(panelId, { parentVersionId: v.id, sessionVersionId: endSession ? null : v.id, dirty: now.text !== text || now.negative !== negative });
  await refresh();
}

function queueStore(panelId: string, endSession: boolean): Promise<unknown> {
  clearTimeout(timers.get(panelId));
  timers.delete(panelId);
  const pending = run('Could not keep the prompt', () => storeTyped(panelId, endSession));
  stores.set(panelId, pending);
  return pending;
}

export const promptActions = {
  /** A keystroke: the draft changes now; the text is stored after a pause or on leaving the field. */
  type: (panelId: string, patch: { text?: string; negative?: string }) => {
    patchDraft(panelId, { ...patch, dirty: true });
    clearTimeout(timers.get(panelId));
    timers.set(panelId, setTimeout(() => void queueStore(panelId, false), IDLE_STORE_MS));
  },

  /** Leaving the field ends the editing session: what was typed is stored. */
  leave: (panelId: string) => queueStore(panelId, true),

  /** Waits for the panel's prompt to be stored (before it is sent). */
  settle: async (panelId: string) => {
    if (timers.has(panelId) || genState().drafts[panelId]?.dirty) await queueStore(panelId, true);
    else await stores.get(panelId);
  },

  /** An earlier version picked from the history: the panel shows it again (an undoable edit). */
  useVersion: (panelId: string, v: PromptVersion) => {
    patchDraft(panelId, { text: v.text, negative: v.negative, parentVersionId: v.id, dirty: true, sessionVersionId: null });
    return queueStore(panelId, true);
  },

  /** Back to the prompt composed from the shot: one undo step; says so when it replaced typed text. */
  recompose: (panelId: string) =>
    run('Could not compose a prompt', async () => {
      await storeTyped(panelId, true);
      const { composed, replacedTyped } = await api.call('generation.recompose', { panelId });
      const draft = draftFrom(composed);
      useGenStore.setState((s) => ({
        composed: { ...s.composed, [panelId]: composed },
        drafts: { ...s.drafts, [panelId]: draft },
        replaced: replacedTyped && draft.parentVersionId ? { panelId, versionId: draft.parentVersionId } : null,
      }));
      await refresh();
    }),
};
