/** What the generation UI asks of the core. Errors become the app's notice; keys never pass through here. */
import type { AppEvent } from '../../../shared/api/events';
import type { DecisionKind, PickDrawing, ProviderId } from '../../../shared/domain/generation';
import { STOP_ERRORS } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { attempt, notice } from '../state/attempt';
import { useBoardStore } from '../state/board-store';
import { refresh, run } from '../state/run';
import type { ComposedPrompt } from '../../../shared/domain/generation';
import { genState, setVariations, upsertJob, useGenStore, type PromptDraft } from './gen-store';
import { draftFrom, promptActions } from './prompt-actions';

/** The draft, updated to a new composition when the filmmaker had not edited the previous one. */
function followComposed(draft: PromptDraft | undefined, before: ComposedPrompt | undefined, after: ComposedPrompt): PromptDraft | undefined {
  if (!draft || !before) return draft;
  if (draft.text !== before.text) return draft;
  return { ...draft, text: after.text, negative: draft.negative === before.negative ? after.negative : draft.negative };
}

const shotOf = (panelId: string | null) => {
  for (const s of useBoardStore.getState().board?.scenes ?? []) for (const p of s.panels) if (p.id === panelId) return p.shotNumber;
  return null;
};

/** Core events: job progress and results arrive here, whichever panel is selected. */
export function handleGenerationEvent(event: AppEvent): void {
  if (event.kind === 'job.updated') {
    const before = genState().jobs[event.job.id];
    upsertJob(event.job);
    const { job } = event;
    if (job.status === 'failed' && before?.status !== 'failed' && job.error) {
      // A spent quota or a refusal needs the filmmaker now; so does any other failure.
      const stop = (STOP_ERRORS as readonly string[]).includes(job.error.kind);
      const shot = shotOf(job.panelId);
      notice('error', `${stop ? 'Generation stopped' : 'Generation failed'}${shot ? ` for panel ${shot}` : ''}`, job.error.message);
    }
  } else if (event.kind === 'variations.added') {
    const current = genState().variations[event.panelId] ?? [];
    const known = new Set(current.map((v) => v.id));
    setVariations(event.panelId, [...event.variations.filter((v) => !known.has(v.id)), ...current]);
  }
}

export const genActions = {
  loadProviders: () =>
    attempt('Could not list the image providers', async () => {
      const view = await api.call('providers.settings', {});
      const s = genState();
      const keep = view.providers.find((p) => p.id === s.providerId && p.configured);
      useGenStore.setState({ providers: view.providers, providerId: keep ? s.providerId : view.defaultProvider });
      return view;
    }),

  /** Reads a panel's composed prompt, jobs and variations. */
  loadPanel: (panelId: string) =>
    attempt('Could not load the generation history', async () => {
      const [composed, jobs, variations] = await Promise.all([
        api.call('generation.composePrompt', { panelId }),
        api.call('generation.jobs', { panelId }),
        api.call('variations.list', { panelId }),
      ]);
      const s = genState();
      const known = s.drafts[panelId];
      // Undo or redo changed the version the panel shows: the field shows it too.
      const draft = known && known.parentVersionId === (composed.current?.id ?? null) ? followComposed(known, s.composed[panelId], composed)! : draftFrom(composed);
      useGenStore.setState({
        composed: { ...s.composed, [panelId]: composed },
        drafts: { ...s.drafts, [panelId]: draft },
        jobs: { ...s.jobs, ...Object.fromEntries(jobs.map((j) => [j.id, j])) },
        variations: { ...s.variations, [panelId]: variations },
      });
    }),

  /** The shot, cast or bible changed: an unedited prompt follows; an edited one is left alone. */
  refreshComposed: (panelId: string) =>
    attempt('Could not compose a prompt', async () => {
      const composed = await api.call('generation.composePrompt', { panelId });
      useGenStore.setState((s) => ({
        composed: { ...s.composed, [panelId]: composed },
        drafts: { ...s.drafts, [panelId]: followComposed(s.drafts[panelId], s.composed[panelId], composed) ?? s.drafts[panelId] },
      }));
    }),

  start: (panelId: string, opts: { refine?: boolean } = {}) =>
    attempt('Could not start the generation', async () => {
      await promptActions.settle(panelId);
      const s = genState();
      const draft = s.drafts[panelId];
      if (!draft?.text.trim()) throw new Error('Write a prompt first.');
      const seed = s.seed.trim() === '' ? undefined : Number(s.seed);
      if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new Error('The seed is a whole number (0 or more), or empty for a random one.');
      const job = await api.call('generation.start', {
        panelId,
        providerId: s.providerId,
        prompt: draft.text,
        negativePrompt: draft.negative || undefined,
        count: s.count,
        seed,
        refine: opts.refine,
        parentVersionId: draft.parentVersionId ?? undefined,
      });
      upsertJob(job);
      // The prompt is now a version: later edits descend from it, and the panel shows it.
      let composed = await api.call('generation.composePrompt', { panelId });
      if (job.promptVersionId && composed.current?.id !== job.promptVersionId) {
        await api.call('generation.savePrompt', { panelId, text: draft.text, negative: draft.negative, parentVersionId: job.promptVersionId });
        composed = await api.call('generation.composePrompt', { panelId });
        await refresh();
      }
      useGenStore.setState((st) => ({
        composed: { ...st.composed, [panelId]: composed },
        drafts: { ...st.drafts, [panelId]: { ...st.drafts[panelId], parentVersionId: job.promptVersionId } },
      }));
      return job;
    }),

  cancel: (jobId: string) => attempt('Could not cancel', async () => upsertJob(await api.call('generation.cancel', { jobId }))),
  retry: (jobId: string) => attempt('Could not retry', async () => upsertJob(await api.call('generation.retry', { jobId }))),

  /**
   * Makes a variation the panel image (an undoable edit, logged with the alternatives it beat): under
   * the panel's strokes, or replacing them (`drawing: 'replace'`, in the same undo step).
   */
  pick: (variationId: string, why: string, alternativeIds?: string[], drawing?: PickDrawing) =>
    run('Could not use that variation', async () => {
      const panel = await api.call('variations.pick', { variationId, why: why.trim() || undefined, alternativeIds, drawing });
      await refresh();
      setVariations(panel.id, await api.call('variations.list', { panelId: panel.id }));
      return panel;
    }),

  setProvider: (providerId: ProviderId) => useGenStore.setState({ providerId }),

  listDecisions: (filter: { panelId?: string; kinds?: DecisionKind[]; includeInitial?: boolean }) => attempt('Could not read the decision log', () => api.call('decisions.list', filter)),
};
