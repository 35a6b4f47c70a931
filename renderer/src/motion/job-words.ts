/** How an image-to-video job is told to the filmmaker: its state, and what went wrong in plain words. */
import type { MotionJobState, MotionJobView } from '../../../shared/domain/motion';

export const MOTION_STATE_LABEL: Record<MotionJobState, string> = {
  submitting: 'Sending',
  running: 'Rendering',
  succeeded: 'Done',
  failed: 'Failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
  unknown: 'Lost track',
};

/**
 * Why a finished job has no clip, in words a filmmaker can act on; null when it needs none (done,
 * cancelled, still going). The provider's own message follows where there is one.
 */
export function motionJobProblem(job: Pick<MotionJobView, 'state' | 'errorMessage'>): string | null {
  const detail = job.errorMessage?.trim();
  switch (job.state) {
    case 'failed':
      return detail ? `The provider could not make this clip: ${detail}` : 'The provider could not make this clip. Try again, or try another provider.';
    case 'expired':
      return `The provider kept the clip for a limited time and it was gone before Boardwright could fetch it. Generate it again.${detail ? ` (${detail})` : ''}`;
    case 'unknown':
      return `Boardwright lost track of this job (the app was closed, or the provider stopped answering about it). It may still be billed; generate again if you need the clip.${detail ? ` (${detail})` : ''}`;
    default:
      return null;
  }
}

/** "2 s · Built-in · seed 7": what was asked of a job. */
export function motionJobSummary(job: Pick<MotionJobView, 'request' | 'model'>, providerLabel: string): string {
  const seconds = typeof job.request.seconds === 'number' ? `${job.request.seconds} s` : null;
  const seed = typeof job.request.seed === 'number' ? `seed ${job.request.seed}` : null;
  return [seconds, providerLabel, job.model, seed].filter(Boolean).join(' · ');
}
