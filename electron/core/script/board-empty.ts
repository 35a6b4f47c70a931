/**
 * "Board the script": a first picture for every panel that has none, through the generation queue
 * (progress, cancel and the decision log as for any job). When a job succeeds its first variation goes
 * into the panel, logged as a pick, and the board is told to refresh.
 */
import type { GenerationJob, ProviderId } from '../../../shared/domain/generation';
import type { EventBus } from '../events';
import type { GenerationService } from '../generation/generation-service';
import { variationsOfJob } from '../generation/job-rows';
import { pickVariation } from '../generation/pick';
import { composePrompt } from '../generation/prompt-composer';
import type { Project } from '../project';

export const BOARD_THE_SCRIPT_WHY = 'Board the script: first picture';

export function emptyPanelIds(project: Project): string[] {
  return project
    .board()
    .scenes.filter((s) => !s.omitted)
    .flatMap((s) => s.panels)
    .filter((p) => !p.omitted && !p.thumbSha256)
    .map((p) => p.id);
}

export function boardEmptyPanels(project: Project, service: GenerationService, providerId: ProviderId, events: EventBus): GenerationJob[] {
  return emptyPanelIds(project).map((panelId) => {
    const composed = composePrompt(project, panelId);
    const prompt = composed.versions[0]?.text ?? composed.text;
    const negativePrompt = composed.versions[0]?.negative ?? composed.negative;
    const job = service.start({ panelId, providerId, prompt: prompt.trim() || 'storyboard panel', negativePrompt: negativePrompt || undefined, count: 1 });
    void service
      .settled(job.id)
      .then(async (done) => {
        const first = done.status === 'succeeded' ? variationsOfJob(project.db, job.id)[0] : undefined;
        // A panel that got a picture meanwhile (the user dropped one) keeps it.
        if (!first || project.panel(panelId).thumbSha256) return;
        await pickVariation(project, first.id, { why: BOARD_THE_SCRIPT_WHY });
        events.emit({ kind: 'board.changed' });
      })
      .catch(() => {
        // The project was closed, or the panel deleted: nothing to put the picture in.
      });
    return job;
  });
}
