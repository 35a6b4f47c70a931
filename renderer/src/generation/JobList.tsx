import type { GenerationJob } from '../../../shared/domain/generation';
import { PROVIDER_LABELS } from '../../../shared/domain/generation';
import { genActions } from './gen-actions';
import { isActive } from './gen-store';
import { shortTime } from './format';

const STATUS_LABEL: Record<GenerationJob['status'], string> = {
  queued: 'Waiting',
  running: 'Generating',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** The panel's recent jobs: progress, cancel, retry, and why one failed. */
export function JobList({ jobs }: { jobs: GenerationJob[] }) {
  const shown = jobs.filter((j, i) => isActive(j) || i < 3 || j.status === 'failed' || j.status === 'interrupted').slice(0, 6);
  if (shown.length === 0) return null;
  return (
    <ul className="gen-jobs" data-testid="gen-jobs">
      {shown.map((job) => (
        <li key={job.id} className={`gen-job is-${job.status}`} data-testid="gen-job" data-status={job.status}>
          <div className="gen-job-line">
            <span className="gen-job-status">{STATUS_LABEL[job.status]}</span>
            <span className="gen-job-what">
              {job.count} × {PROVIDER_LABELS[job.provider] ?? job.provider}
              {job.refine ? ' · refine' : ''}
              {job.seed !== null ? ` · seed ${job.seed}` : ''}
            </span>
            <span className="gen-spacer" />
            <span className="gen-job-time">{shortTime(job.createdAt)}</span>
            {isActive(job) ? (
              <button type="button" className="button button-small" data-testid="gen-cancel" onClick={() => void genActions.cancel(job.id)}>
                Cancel
              </button>
            ) : job.status !== 'succeeded' ? (
              <button type="button" className="button button-small" data-testid="gen-retry" onClick={() => void genActions.retry(job.id)}>
                Retry
              </button>
            ) : null}
          </div>
          {isActive(job) && (
            <div className="gen-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)}>
              <div className={job.status === 'queued' ? 'is-waiting' : ''} style={{ width: `${Math.max(4, job.progress * 100)}%` }} />
            </div>
          )}
          {job.error && job.status !== 'cancelled' && (
            <p className="gen-job-error" data-testid="gen-job-error" data-kind={job.error.kind}>
              {job.error.message}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
