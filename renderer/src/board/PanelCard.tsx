import { memo, useState } from 'react';
import { Group, Image as KonvaImage, Rect, Text } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Panel } from '../../../shared/domain/board';
import { formatSeconds } from '../util/format';
import { measureText } from '../util/measure';
import { containRect, type CardMetrics, type Rect as Box } from './layout';
import { FramePlaceholder } from './FramePlaceholder';
import { canvasTheme as t, UI_FONT } from './theme';
import { useThumbnail } from './thumbnails';

interface Props {
  panel: Panel;
  rect: Box;
  metrics: CardMetrics;
  selected: boolean;
  onSelect(panelId: string): void;
}

const BADGE_FONT_SIZE = 10;
const BADGE_FONT = `600 ${BADGE_FONT_SIZE}px ${UI_FONT}`;
const SHOT_FONT = `700 13px ${UI_FONT}`;

/** The shot size and lens of a panel, as short labels. */
function badgeLabels(panel: Panel): string[] {
  const labels: string[] = [];
  if (panel.shotSize) labels.push(panel.shotSize.toUpperCase());
  if (panel.lensMm) labels.push(`${Number(panel.lensMm.toFixed(1))}mm`);
  return labels;
}

function caption(panel: Panel): { text: string; italic: boolean } {
  if (panel.action.trim()) return { text: panel.action.trim().replace(/\s+/g, ' '), italic: false };
  if (panel.dialogue.trim()) return { text: `“${panel.dialogue.trim().replace(/\s+/g, ' ')}”`, italic: true };
  return { text: '', italic: false };
}

/** One panel on the board: its picture letterboxed in the project's frame, shot number, duration, badges. */
export const PanelCard = memo(function PanelCard({ panel, rect, metrics, selected, onSelect }: Props) {
  const [hover, setHover] = useState(false);
  const { image, status } = useThumbnail(panel.imageSha256);
  const frame = metrics.frame;
  const picture = image ? containRect(frame, image.naturalWidth, image.naturalHeight) : null;
  const duration = formatSeconds(panel.durationMs);
  const durationWidth = measureText(duration, `500 12px ${UI_FONT}`);
  const shotWidth = measureText(panel.shotNumber, SHOT_FONT);
  const textLeft = 10;
  const textRight = rect.width - 10;
  const cap = caption(panel);

  let badgeX = textLeft + shotWidth + 8;
  const badges = badgeLabels(panel).map((label) => {
    const width = Math.ceil(measureText(label, BADGE_FONT)) + 10;
    const badge = { label, x: badgeX, width };
    badgeX += width + 4;
    return badge;
  });
  const visibleBadges = badges.filter((b) => b.x + b.width <= textRight - durationWidth - 8);

  const setCursor = (e: KonvaEventObject<MouseEvent>, cursor: string) => {
    const container = e.target.getStage()?.container();
    if (container) container.style.cursor = cursor;
  };

  return (
    <Group
      x={rect.x}
      y={rect.y}
      onClick={() => onSelect(panel.id)}
      onTap={() => onSelect(panel.id)}
      onMouseEnter={(e) => {
        setHover(true);
        setCursor(e, 'pointer');
      }}
      onMouseLeave={(e) => {
        setHover(false);
        setCursor(e, 'default');
      }}
    >
      {selected && (
        <Rect x={-3} y={-3} width={rect.width + 6} height={rect.height + 6} cornerRadius={9} stroke={t.accentGlow} strokeWidth={4} listening={false} perfectDrawEnabled={false} />
      )}
      <Rect
        width={rect.width}
        height={rect.height}
        cornerRadius={6}
        fill={t.card}
        stroke={selected ? t.accent : hover ? t.cardHover : t.cardBorder}
        strokeWidth={selected ? 2 : 1}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      <Rect {...frame} fill={image ? t.letterbox : t.placeholder} cornerRadius={3} listening={false} perfectDrawEnabled={false} />
      {picture && image && <KonvaImage image={image} {...picture} listening={false} perfectDrawEnabled={false} />}
      {!image && <FramePlaceholder frame={frame} state={status === 'none' ? 'empty' : status === 'error' ? 'error' : 'loading'} />}
      <Text x={textLeft} y={metrics.metaY} text={panel.shotNumber} fontFamily={UI_FONT} fontSize={13} fontStyle="bold" fill={t.text} listening={false} perfectDrawEnabled={false} />
      {visibleBadges.map((b) => (
        <Group key={b.label} x={b.x} y={metrics.metaY - 1} listening={false}>
          <Rect width={b.width} height={16} cornerRadius={3} fill={t.badge} perfectDrawEnabled={false} />
          <Text width={b.width} height={16} align="center" verticalAlign="middle" text={b.label} fontFamily={UI_FONT} fontSize={BADGE_FONT_SIZE} fontStyle="600" fill={t.badgeText} perfectDrawEnabled={false} />
        </Group>
      ))}
      <Text x={textRight - durationWidth - 1} y={metrics.metaY + 1} text={duration} fontFamily={UI_FONT} fontSize={12} fontStyle="500" fill={t.muted} listening={false} perfectDrawEnabled={false} />
      {cap.text && (
        <Text
          x={textLeft}
          y={metrics.captionY}
          width={textRight - textLeft}
          height={14}
          text={cap.text}
          wrap="none"
          ellipsis
          fontFamily={UI_FONT}
          fontSize={11}
          fontStyle={cap.italic ? 'italic' : 'normal'}
          fill={t.faint}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});
