import type { MotionJobView } from '../../../shared/domain/motion';
import { shortTime } from '../generation/format';
import { MOTION_STATE_LABEL, motionJobProblem, motionJobSummary } from './job-words';
import { motionActions } from './motion-actions';
import { isMotionActive } from './motion-store';
import { providerWords } from '../generation/provider-words';

/** The provider's name without its aside ("(offline)"): the job line is short. */
const providerLabel = (id: string) => providerWords(id, true).replace(/ \(.*\)$/, '');

/** The clips asked of providers: rendering (with cancel), done, or why there is none. */
export function MotionJobList({ jobs, shotOf }: { jobs: MotionJobView[]; shotOf?: (panelId: string | null) => string | null }) {
  const shown = jobs.filter((j, i) => isMotionActive(j) || i < 4).slice(0, 8);
  if (shown.length === 0) return null;
  return (
    <ul className="gen-jobs" data-testid="motion-jobs" aria-label="Clip jobs">
      {shown.map((job) => {
        const problem = motionJobProblem(job);
        const shot = shotOf?.(job.panelId);
        return (
          <li key={job.id} className={`gen-job motion-job is-${job.state}`} data-testid="motion-job" data-state={job.state}>
            <div className="gen-job-line">
              {isMotionActive(job) && <span className="motion-spinner" role="progressbar" aria-label="Rendering" />}
              <span className="gen-job-status">{MOTION_STATE_LABEL[job.state]}</span>
              <span className="gen-job-what">
                {shot ? `${shot} · ` : ''}
                {motionJobSummary(job, providerLabel(job.provider))}
              </span>
              <span className="gen-spacer" />
              <span className="gen-job-time">{shortTime(job.createdAt)}</span>
              {isMotionActive(job) && (
                <button type="button" className="button button-small" data-testid="motion-cancel" onClick={() => void motionActions.cancel(job.id)}>
                  Cancel
                </button>
              )}
            </div>
            {problem && (
              <p className="gen-job-error" data-testid="motion-job-error" data-kind={job.errorKind ?? job.state}>
                {problem}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
