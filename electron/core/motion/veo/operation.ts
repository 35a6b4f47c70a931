import { ProviderError } from '../../providers/errors';
import type { VideoPoll } from '../video-provider';

/** A long-running operation as GET /v1beta/{name} returns it. */
export interface VeoOperation {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string; status?: string };
  response?: {
    generateVideoResponse?: {
      generatedSamples?: { video?: { uri?: string } }[];
      raiMediaFilteredCount?: number;
      raiMediaFilteredReasons?: string[];
    };
  };
}

/**
 * Reads an operation: still running, done with clips, or done without one. Done without a clip and
 * with a filtered count is Google's safety filter (not charged, not retried: the same prompt would be
 * filtered again); done with an error is a failed job.
 */
export function readOperation(op: VeoOperation): VideoPoll {
  if (!op.done) return { state: 'running' };
  if (op.error) throw new ProviderError('FAILED', `Veo could not make the clip: ${op.error.message ?? op.error.status ?? 'no reason given'}.`);
  const answer = op.response?.generateVideoResponse;
  const videos = (answer?.generatedSamples ?? []).map((s) => s.video?.uri).filter((u): u is string => typeof u === 'string' && u.length > 0);
  if (videos.length > 0) return { state: 'done', videos: videos.map((uri) => ({ uri })) };
  if ((answer?.raiMediaFilteredCount ?? 0) > 0) {
    const reasons = (answer?.raiMediaFilteredReasons ?? []).join(' ');
    throw new ProviderError('MODERATION', `Veo's safety filter held the clip back${reasons ? `: ${reasons}` : ''}. Not charged. Rephrase the prompt or change the picture, then try again.`);
  }
  throw new ProviderError('BAD_RESPONSE', 'Veo finished the job but sent no clip and no reason.');
}
