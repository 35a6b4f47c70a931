import { useEffect, useState } from 'react';
import type { Decision } from '../../../shared/domain/generation';
import { DECISION_LABELS } from '../../../shared/domain/generation';
import { useBoardStore } from '../state/board-store';
import { genActions } from './gen-actions';
import { describeDecision } from './LogEntry';
import { WhyEditor } from './WhyEditor';
import './decision-log.css';

/** In the inspector: the panel's latest decision (first entries aside) and its why, to add or edit on the spot. */
export function PanelLastDecision({ panelId }: { panelId: string }) {
  const version = useBoardStore((s) => s.version);
  const [last, setLast] = useState<Decision | null>(null);
  useEffect(() => {
    let live = true;
    void genActions.listDecisions({ panelId }).then((list) => live && list && setLast(list[list.length - 1] ?? null));
    return () => {
      live = false;
    };
  }, [panelId, version]);
  if (!last) return null;
  return (
    <div className="inspector-decision" data-testid="inspector-decision">
      <span className="field-label">Last decision</span>
      <div className="log-what">
        {DECISION_LABELS[last.kind]}: {describeDecision(last)}
      </div>
      {last.why && <div className="log-why">Why: {last.why}</div>}
      <WhyEditor key={last.id} decision={last} />
    </div>
  );
}
