import type { KeyboardEvent } from 'react';
import { useMotionStore, type GenerateMode } from './motion-store';

const MODES: { id: GenerateMode; label: string; hint: string }[] = [
  { id: 'stills', label: 'Stills', hint: 'Pictures: variations of the panel' },
  { id: 'motion', label: 'Motion', hint: 'A short video clip made from the panel picture' },
];

/** "Stills | Motion" at the top of the Generate tab: a radio group (arrow keys move between the two). */
export function GenerateModeSwitch() {
  const mode = useMotionStore((s) => s.mode);
  const choose = (id: GenerateMode) => useMotionStore.setState({ mode: id });
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = MODES[(MODES.findIndex((m) => m.id === mode) + 1) % MODES.length].id;
    choose(next);
    (e.currentTarget.querySelector(`[data-mode="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div className="gen-mode-switch" role="radiogroup" aria-label="What to generate" onKeyDown={onKey}>
      {MODES.map((m) => (
        <button
          key={m.id}
          type="button"
          role="radio"
          aria-checked={mode === m.id}
          tabIndex={mode === m.id ? 0 : -1}
          className={`gen-mode${mode === m.id ? ' is-on' : ''}`}
          data-mode={m.id}
          data-testid={`gen-mode-${m.id}`}
          title={m.hint}
          onClick={() => choose(m.id)}
        >
          {m.label}
        </button>
      ))}
    </div>
  );
}
