import type { Stroke } from '../../../../shared/domain/sketch';
import { useEditorStore } from '../editor-store';
import { TextEntry } from './TextEntry';
import { strokesAt } from './stroke-hit';

/** Where the text tool was clicked (normalised), and the saved note there when it was clicked on one. */
export interface TextSpot {
  x: number;
  y: number;
  editing?: Stroke;
}

/** A text tool click: on a saved note of the layer (`strokes`) it opens that note to change; elsewhere a new one. */
export function textSpotAt(strokes: readonly Stroke[], x: number, y: number, width: number, height: number): TextSpot {
  const notes = strokes.filter((s) => s.tool === 'text' && !s.id.startsWith('pending-'));
  const id = strokesAt(notes, x, y, 2, width, height).at(-1);
  const editing = notes.find((s) => s.id === id);
  return editing ? { x: editing.points[0][0], y: editing.points[0][1], editing } : { x, y };
}

interface Props {
  spot: TextSpot;
  /** The frame in CSS pixels. */
  width: number;
  height: number;
  onStroke(stroke: Omit<Stroke, 'id'>): void;
  /** A saved note's new words ("" deletes it). */
  onEditText?(stroke: Stroke, text: string): void;
  onClose(): void;
}

/** The text tool's field at a click: a new note in the tool's size and colour, or a saved one in its own, opened with its words. */
export function TextNote({ spot, width, height, onStroke, onEditText, onClose }: Props) {
  const { colour, sizes } = useEditorStore.getState();
  const note = spot.editing;
  return (
    <TextEntry
      x={spot.x * width}
      y={spot.y * height}
      size={(note?.size ?? sizes.text / 1000) * width}
      colour={note?.color ?? colour}
      initial={note ? (note.text ?? '') : undefined}
      onCommit={(text) => {
        onClose();
        if (note) {
          if (text !== note.text) onEditText?.(note, text);
          return;
        }
        const now = useEditorStore.getState();
        onStroke({ tool: 'text', color: now.colour, size: now.sizes.text / 1000, opacity: 1, points: [[spot.x, spot.y, 0.5]], text });
      }}
      onCancel={onClose}
    />
  );
}
