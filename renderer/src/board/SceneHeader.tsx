import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { formatRunningTime, plural } from '../util/format';
import { measureText } from '../util/measure';
import type { SceneLayout } from './layout';
import { canvasTheme as t, UI_FONT } from './theme';

/** A scene's header row: number, heading, panel count and running time. Takes no events. */
export const SceneHeader = memo(function SceneHeader({ layout }: { layout: SceneLayout }) {
  const { scene, header, runningMs, empty } = layout;
  const number = String(scene.number);
  const numberWidth = Math.max(28, Math.ceil(measureText(number, `700 12px ${UI_FONT}`)) + 14);
  const count = plural(scene.panels.length, 'panel');
  const time = formatRunningTime(runningMs);
  const statsFont = `500 12px ${UI_FONT}`;
  const timeWidth = measureText(time, `600 12px ${UI_FONT}`);
  const countWidth = measureText(count, statsFont);
  const statsWidth = countWidth + 18 + timeWidth;
  const headingX = numberWidth + 12;
  const headingWidth = Math.max(40, header.width - headingX - statsWidth - 24);
  const heading = scene.heading.trim();
  const mid = 13;
  return (
    <Group x={header.x} y={header.y} listening={false}>
      <Rect y={mid - 11} width={numberWidth} height={22} cornerRadius={4} fill={t.sceneNumber} perfectDrawEnabled={false} />
      <Text y={mid - 11} width={numberWidth} height={22} align="center" verticalAlign="middle" text={number} fontFamily={UI_FONT} fontSize={12} fontStyle="bold" fill={t.text} perfectDrawEnabled={false} />
      <Text
        x={headingX}
        y={mid - 7}
        width={headingWidth}
        height={16}
        wrap="none"
        ellipsis
        text={heading || `Scene ${number}`}
        fontFamily={UI_FONT}
        fontSize={13}
        fontStyle={heading ? '600' : 'normal'}
        fill={heading ? t.text : t.muted}
        perfectDrawEnabled={false}
      />
      <Text x={header.width - statsWidth} y={mid - 6} text={count} fontFamily={UI_FONT} fontSize={12} fontStyle="500" fill={t.muted} perfectDrawEnabled={false} />
      <Rect x={header.width - timeWidth - 10} y={mid - 2} width={3} height={3} cornerRadius={1.5} fill={t.faint} perfectDrawEnabled={false} />
      <Text x={header.width - timeWidth} y={mid - 6} text={time} fontFamily={UI_FONT} fontSize={12} fontStyle="600" fill={t.badgeText} perfectDrawEnabled={false} />
      <Rect y={header.height - 1} width={header.width} height={1} fill={t.divider} perfectDrawEnabled={false} />
      {empty && (
        <Text
          x={0}
          y={empty.y - header.y + 6}
          text="No panels in this scene yet."
          fontFamily={UI_FONT}
          fontSize={12}
          fill={t.faint}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});
