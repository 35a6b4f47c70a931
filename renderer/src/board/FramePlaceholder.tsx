import { Group, Circle, Line, Rect, Text } from 'react-konva';
import type { Rect as Box } from './layout';
import { canvasTheme as t, UI_FONT } from './theme';

const LABELS = { empty: 'No image', loading: 'Loading…', error: 'Image unavailable' } as const;

/** What an empty picture frame shows: a small landscape glyph and a label. */
export function FramePlaceholder({ frame, state }: { frame: Box; state: keyof typeof LABELS }) {
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2 - 8;
  const w = 30;
  const h = 22;
  const compact = frame.height < 70;
  return (
    <Group listening={false}>
      {state !== 'loading' && !compact && (
        <Group x={cx - w / 2} y={cy - h / 2}>
          <Rect width={w} height={h} cornerRadius={3} stroke={t.placeholderInk} strokeWidth={1.5} perfectDrawEnabled={false} />
          <Circle x={w - 9} y={7} radius={2.5} fill={t.placeholderInk} perfectDrawEnabled={false} />
          <Line points={[4, h - 4, 11, 10, 16, 15, 20, 11, w - 4, h - 4]} stroke={t.placeholderInk} strokeWidth={1.5} lineJoin="round" perfectDrawEnabled={false} />
        </Group>
      )}
      <Text
        x={frame.x}
        y={compact || state === 'loading' ? frame.y + frame.height / 2 - 6 : cy + h / 2 + 8}
        width={frame.width}
        align="center"
        text={LABELS[state]}
        fontFamily={UI_FONT}
        fontSize={11}
        fill={t.faint}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}
