import type Konva from 'konva';
import type { RefObject } from 'react';
import { Circle, Group, Layer, Rect, Text } from './konva';
import type { DragVisual } from './drag-state';
import type { Point } from './hit-test';
import type { BoardLayout } from './layout';
import { PanelCard } from './PanelCard';
import { SceneHeader } from './SceneHeader';
import { canvasTheme as t, UI_FONT } from './theme';

interface Props {
  layerRef: RefObject<Konva.Layer | null>;
  ghostRef: RefObject<Konva.Group | null>;
  layout: BoardLayout;
  visual: DragVisual;
  ghostAt: Point;
  /** The board's camera transform (kept current imperatively while panning). */
  transform: { x: number; y: number; scaleX: number; scaleY: number };
}

const STACK = 3;
const OFFSET = 6;
/** The dragged cards are drawn a little smaller, so the cards around the drop point stay visible. */
const GHOST_SCALE = 0.82;

/**
 * The layer that moves while the pointer drags: the dragged cards (up to three, stacked, with a
 * count) or scene header, the insertion bar where they will land, and the marquee. It has the
 * board's transform, so everything is in board coordinates; only this layer redraws as the pointer moves.
 */
export function DragLayer({ layerRef, ghostRef, layout, visual, ghostAt, transform }: Props) {
  const { panels, sceneId, bar, marquee } = visual;
  const lead = panels ? layout.byId.get(panels.lead) : undefined;
  const stack = panels ? [...panels.ids.filter((id) => id !== panels.lead).slice(0, STACK - 1).reverse(), panels.lead] : [];
  const scene = sceneId ? layout.scenes.find((s) => s.scene.id === sceneId) : undefined;
  const px = 1 / transform.scaleX;
  return (
    <Layer ref={layerRef} listening={false} {...transform}>
      {marquee && <Rect {...marquee} fill={t.marqueeFill} stroke={t.marqueeStroke} strokeWidth={px} perfectDrawEnabled={false} listening={false} />}
      {lead && panels && (
        <Group ref={ghostRef} x={ghostAt.x} y={ghostAt.y} offsetX={panels.grab.x} offsetY={panels.grab.y} scaleX={GHOST_SCALE} scaleY={GHOST_SCALE} opacity={0.9} listening={false}>
          {stack.map((id, i) => {
            const card = layout.byId.get(id);
            if (!card) return null;
            const d = (stack.length - 1 - i) * OFFSET;
            const rect = { x: d, y: d, width: card.rect.width, height: card.rect.height };
            return (
              <Group key={id} listening={false}>
                <Rect {...rect} cornerRadius={6} fill={t.card} shadowColor="black" shadowBlur={18} shadowOpacity={0.55} shadowOffsetY={6} perfectDrawEnabled={false} />
                <PanelCard panel={card.panel} rect={rect} metrics={layout.metrics} selected={id === panels.lead} />
              </Group>
            );
          })}
          {panels.ids.length > 1 && (
            <Group x={lead.rect.width - 4} y={-8} listening={false}>
              <Rect x={-14} width={28 + String(panels.ids.length).length * 6} height={22} cornerRadius={11} fill={t.accent} perfectDrawEnabled={false} />
              <Text x={-14} width={28 + String(panels.ids.length).length * 6} height={22} align="center" verticalAlign="middle" text={String(panels.ids.length)} fontFamily={UI_FONT} fontSize={12} fontStyle="bold" fill="#fff" perfectDrawEnabled={false} />
            </Group>
          )}
        </Group>
      )}
      {scene && (
        <Group ref={ghostRef} x={ghostAt.x} y={ghostAt.y} listening={false}>
          <Rect x={-10} y={-8} width={scene.header.width + 20} height={scene.header.height} cornerRadius={6} fill={t.card} stroke={t.accent} strokeWidth={1} shadowColor="black" shadowBlur={16} shadowOpacity={0.5} shadowOffsetY={4} perfectDrawEnabled={false} />
          <SceneHeader layout={{ ...scene, header: { ...scene.header, x: 0, y: 0 }, empty: null }} />
        </Group>
      )}
      {/* The insertion bar goes over the ghost, so it stays visible under the pointer. */}
      {bar && (
        <Group listening={false}>
          <Rect {...bar} fill={t.dropBar} cornerRadius={2} perfectDrawEnabled={false} />
          {bar.height > bar.width ? (
            <>
              <Circle x={bar.x + bar.width / 2} y={bar.y} radius={4} fill={t.dropBar} perfectDrawEnabled={false} />
              <Circle x={bar.x + bar.width / 2} y={bar.y + bar.height} radius={4} fill={t.dropBar} perfectDrawEnabled={false} />
            </>
          ) : (
            <Circle x={bar.x} y={bar.y + bar.height / 2} radius={4} fill={t.dropBar} perfectDrawEnabled={false} />
          )}
        </Group>
      )}
    </Layer>
  );
}
