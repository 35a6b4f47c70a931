import { useLayoutEffect, useRef, useState } from 'react';
import { burnInFont, burnInFontsReady } from '../../timeline/burn-in-fonts';
import { TEXT_BASELINE } from '../../../../shared/domain/sketch-text';

/** Where Noto Sans's baseline falls in a line box one em tall: half-leading plus ascent, (1 - 1.362) / 2 + 1.069. */
const NOTO_BASELINE = 0.888;

interface Props {
  /** Top-left of the text in frame pixels (CSS). */
  x: number;
  y: number;
  /** Letter height (font size) in CSS pixels, and the ink colour. */
  size: number;
  colour: string;
  /** The words of a note being changed; committing it empty then deletes it. */
  initial?: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/**
 * The text tool's field, set where the text will be, in its font, size and colour: Enter commits,
 * Esc cancels, clicking elsewhere commits what was typed. A note being changed opens with its words,
 * the caret at their end; emptied, it commits "" (to delete the note).
 */
export function TextEntry({ x, y, size, colour, initial, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const [value, setValue] = useState(initial ?? '');
  const [, setFontsReady] = useState(false);
  useLayoutEffect(() => {
    ref.current?.focus();
    // The field shows the words in the fonts they will be drawn in, once those have loaded.
    burnInFontsReady(() => setFontsReady(true));
  }, []);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    const text = ref.current?.value.trim() ?? '';
    if (keep && (text || initial !== undefined)) onCommit(text);
    else onCancel();
  };
  // The field's line box is one em tall; Noto Sans sets its baseline NOTO_BASELINE em down it, the canvas TEXT_BASELINE.
  return (
    <input
      ref={ref}
      className="sketch-text-entry"
      data-testid="sketch-text-entry"
      aria-label="Text"
      value={value}
      placeholder="Text"
      spellCheck={false}
      style={{ left: x, top: y + (TEXT_BASELINE - NOTO_BASELINE) * size, font: burnInFont('regular', size), lineHeight: `${size}px`, height: size, color: colour, width: Math.max(4 * size, (value.length + 2) * size * 0.6) }}
      onChange={(e) => setValue(e.target.value)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onBlur={() => finish(true)}
    />
  );
}
