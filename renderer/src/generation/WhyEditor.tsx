import { useState } from 'react';
import type { Decision } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { refresh, run } from '../state/run';

/** "Add why…" / "Edit why": the reason for a logged decision, given after the fact (one undo step). */
export function WhyEditor({ decision }: { decision: Decision }) {
  const [text, setText] = useState<string | null>(null);
  if (text === null) {
    return (
      <button type="button" className="why-edit-button" data-testid="why-edit" onClick={() => setText(decision.why)}>
        {decision.why ? 'Edit why' : 'Add why…'}
      </button>
    );
  }
  const save = () =>
    void run('Could not save the why', async () => {
      await api.call('decisions.setWhy', { id: decision.id, why: text });
      setText(null);
      await refresh();
    });
  return (
    <form className="why-form" onSubmit={(e) => (e.preventDefault(), save())}>
      <input
        className="input"
        data-testid="why-input"
        autoFocus
        value={text}
        maxLength={4000}
        placeholder="Why was this decided?"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setText(null))}
      />
      <button type="submit" className="button button-small" data-testid="why-save">
        Save
      </button>
    </form>
  );
}
