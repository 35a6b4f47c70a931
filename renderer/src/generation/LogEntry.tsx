import type { Decision } from '../../../shared/domain/generation';
import { DECISION_LABELS } from '../../../shared/domain/generation';
import { providerWords } from './provider-words';
import { shortTime } from './format';
import { WhyEditor } from './WhyEditor';

const shortSha = (sha: string | null) => (sha ? sha.slice(0, 8) : '—');

/** One line of what was decided: "MS → CU", "Picked OpenAI #7 over 3 others". */
export function describeDecision(d: Decision): string {
  switch (d.kind) {
    case 'variation.picked': {
      const beat = Array.isArray(d.data.alternatives) ? d.data.alternatives.length : 0;
      const clip = typeof d.data.clipSha256 === 'string';
      const provider = d.data.provider === 'import' ? 'an earlier image' : providerWords(String(d.data.provider ?? ''), clip);
      const seed = typeof d.data.seed === 'number' ? ` #${d.data.seed}` : '';
      const length = clip && typeof d.data.clipDurationMs === 'number' ? `, ${(d.data.clipDurationMs / 1000).toFixed(1)} s` : '';
      const replaced = d.data.drawing === 'replaced' ? ', replacing the drawing' : '';
      return `Picked ${clip ? 'a clip: ' : ''}${provider}${seed}${length}${beat ? ` over ${beat} other${beat === 1 ? '' : 's'}` : ''}${replaced}`;
    }
    case 'panel.moved':
      return `Moved ${d.oldValue} → ${d.newValue}`;
    case 'panel.deleted':
      return `Deleted ${d.oldValue}`;
    case 'note':
      return d.newValue ?? '';
    case 'image.replaced':
      return `Image ${shortSha(d.oldValue)} → ${shortSha(d.newValue)}`;
    case 'shot.lens':
      return `${d.oldValue ? `${d.oldValue}mm` : '—'} → ${d.newValue ? `${d.newValue}mm` : '—'}`;
    case 'shot.duration':
      return `${d.oldValue ? `${Number(d.oldValue) / 1000}s` : '—'} → ${d.newValue ? `${Number(d.newValue) / 1000}s` : '—'}`;
    default:
      return `${d.oldValue || '—'} → ${d.newValue || '—'}`;
  }
}

/** An entry of the log, with its why (added after the fact if need be). First entries are marked. */
export function LogEntry({ d }: { d: Decision }) {
  const picked = d.kind === 'variation.picked' || d.kind === 'image.replaced' ? d.newValue : null;
  return (
    <li className={`log-entry kind-${d.kind.replace('.', '-')}${d.initial ? ' log-entry-initial' : ''}`} data-testid="log-entry" data-kind={d.kind} data-initial={d.initial}>
      {picked && <img className="log-thumb" src={`/media/thumb/${picked}`} alt="" />}
      <div className="log-text">
        <div className="log-meta">
          <span className="log-shot">{d.shotNumber ?? 'Scene'}</span>
          <span>{DECISION_LABELS[d.kind] ?? d.kind}</span>
          {d.initial && <span className="log-first">first entry</span>}
          <span className="gen-spacer" />
          <time dateTime={d.createdAt}>{shortTime(d.createdAt)}</time>
        </div>
        <div className="log-what">{describeDecision(d)}</div>
        {d.why && <div className="log-why" data-testid="log-why-text">Why: {d.why}</div>}
        <WhyEditor decision={d} />
      </div>
    </li>
  );
}

