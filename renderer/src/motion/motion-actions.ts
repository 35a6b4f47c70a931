/** What the Motion UI asks of the core: image-to-video jobs, and how a panel plays its clip. */
import type { AppEvent } from '../../../shared/api/events';
import type { ClipAfter } from '../../../shared/domain/clip';
import type { VideoProviderInfo } from '../../../shared/domain/motion';
import { api } from '../api/client';
import { attempt, notice } from '../state/attempt';
import { genState } from '../generation/gen-store';
import { promptActions } from '../generation/prompt-actions';
import { findPanel, useBoardStore } from '../state/board-store';
import { refresh, run } from '../state/run';
import { motionJobProblem } from './job-words';
import { motionState, upsertMotionJob, useMotionStore } from './motion-store';

/** An edit of the document: on the board's queue (so Undo comes after it), then the board reloads. */
const edit = (failure: string, task: () => Promise<unknown>) =>
  run(failure, async () => {
    await task();
    await refresh();
  });

/** The provider to keep selected: the chosen one if it is ready, else the first ready one. */
function keptProvider(list: VideoProviderInfo[], chosen: string): VideoProviderInfo | undefined {
  return list.find((p) => p.id === chosen && p.ready) ?? list.find((p) => p.ready) ?? list[0];
}

/** Core events: a job moved on (its clip arrives as variations.added, which the gallery listens to). */
export function handleMotionEvent(event: AppEvent): void {
  if (event.kind !== 'motion.updated') return;
  const before = motionState().jobs[event.job.id];
  upsertMotionJob(event.job);
  const problem = motionJobProblem(event.job);
  if (problem && before?.state !== event.job.state) {
    const shot = event.job.panelId ? findPanel(useBoardStore.getState().board, event.job.panelId)?.panel.shotNumber : null;
    notice('error', `No clip${shot ? ` for panel ${shot}` : ''}`, problem);
  }
}

export const motionActions = {
  loadProviders: () =>
    attempt('Could not list the video providers', async () => {
      const providers = await api.call('motion.providers', {});
      const s = motionState();
      const keep = keptProvider(providers, s.providerId);
      useMotionStore.setState({ providers, ...(keep ? choiceFor(keep, s.seconds) : {}) });
    }),

  setProvider: (id: string) => {
    const p = motionState().providers?.find((x) => x.id === id);
    if (p) useMotionStore.setState({ ...choiceFor(p, motionState().seconds), model: '' });
  },

  /** A panel's jobs, or the project's. */
  loadJobs: (panelId?: string) =>
    attempt('Could not read the motion jobs', async () => {
      const jobs = await api.call('motion.jobs', panelId ? { panelId } : {});
      useMotionStore.setState((s) => ({ jobs: { ...s.jobs, ...Object.fromEntries(jobs.map((j) => [j.id, j])) } }));
    }),

  /** One job per panel. One panel sends its prompt field; several send each panel's own composed prompt. */
  start: (panelIds: string[]) =>
    attempt('Could not start the clip', async () => {
      const s = motionState();
      const provider = s.providers?.find((p) => p.id === s.providerId);
      if (!provider?.ready) throw new Error(provider?.setup ?? 'Choose a video provider that is set up.');
      let prompt: string | undefined;
      if (panelIds.length === 1) {
        await promptActions.settle(panelIds[0]);
        prompt = genState().drafts[panelIds[0]]?.text.trim() || undefined;
      }
      const seed = provider.seed && s.seed.trim() !== '' ? Number(s.seed) : undefined;
      if (seed !== undefined && !Number.isInteger(seed)) throw new Error('The seed is a whole number (0 or more), or empty for a random one.');
      const jobs = await api.call('motion.start', {
        panelIds,
        providerId: provider.id,
        model: s.model.trim() || undefined,
        seconds: s.seconds,
        seed,
        negativePrompt: provider.negativePrompt && s.negative.trim() ? s.negative.trim() : undefined,
        prompt,
      });
      jobs.forEach(upsertMotionJob);
      return jobs;
    }),

  cancel: (jobId: string) => attempt('Could not cancel the clip', async () => upsertMotionJob(await api.call('motion.cancel', { jobId }))),

  /** Where the panel starts inside its clip, and hold or loop past its end: one undo step. */
  setClipTiming: (panelId: string, timing: { inMs?: number; after?: ClipAfter }) =>
    edit('Could not change how the clip plays', () => api.call('panels.setClipTiming', { panelId, ...timing })),

  /** The panel shows its still again (the clip stays a variation): one undo step. */
  removeClip: (panelId: string) => edit('Could not go back to the still', () => api.call('panels.removeClip', { panelId })),
};

/** A provider chosen, with a clip length it offers (the nearest to the one chosen before). */
function choiceFor(p: VideoProviderInfo, seconds: number): { providerId: VideoProviderInfo['id']; seconds: number } {
  const nearest = p.durations.reduce((best, d) => (Math.abs(d - seconds) < Math.abs(best - seconds) ? d : best), p.durations[0] ?? seconds);
  return { providerId: p.id, seconds: nearest };
}
