import { memo } from 'react';
import { Image as KonvaImage } from './konva';
import { formatRunningTime, plural } from '../util/format';
import { measureText } from '../util/measure';
import { fitText, font, roundRect, text } from './canvas-2d';
import type { SceneLayout } from './layout';
import { canvasTheme as t } from './theme';
import { useBitmap } from './useBitmap';

const PAD = 10;
const MID = 13;

/** A scene's header row in header coordinates: number, heading, synopsis, panel count, running time, divider. */
function drawHeader(ctx: CanvasRenderingContext2D, layout: SceneLayout, selected: boolean): void {
  const { scene, header, runningMs, empty } = layout;
  const width = header.width;
  // The script's scene number when the scene came from one; its place on the board otherwise.
  const number = scene.scriptNumber ?? String(scene.number);
  const numberWidth = Math.max(28, Math.ceil(measureText(number, font(700, 12))) + 14);
  const count = plural(scene.panels.length, 'panel');
  const time = formatRunningTime(runningMs);
  const timeWidth = measureText(time, font(600, 12));
  const statsWidth = measureText(count, font(500, 12)) + 18 + timeWidth;
  const headingX = numberWidth + 12;
  const headingWidth = Math.max(40, width - headingX - statsWidth - 24);
  const heading = `${scene.heading.trim()}${scene.omitted ? ' (omitted)' : ''}`.trim();
  const headingFont = font(heading ? 600 : 400, 13);
  const headingText = fitText(heading || `Scene ${number}`, headingFont, headingWidth);
  const synopsis = scene.synopsis.trim().replace(/\s+/g, ' ');
  const synopsisX = headingX + measureText(headingText, headingFont) + 14;
  const synopsisWidth = headingX + headingWidth - synopsisX;

  if (selected) {
    roundRect(ctx, -8, MID - 19, width + 16, 38, 6);
    ctx.fillStyle = t.headerSelected;
    ctx.fill();
    ctx.strokeStyle = t.accent;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  roundRect(ctx, 0, MID - 11, numberWidth, 22, 4);
  ctx.fillStyle = t.sceneNumber;
  ctx.fill();
  text(ctx, number, numberWidth / 2, MID - 6, font(700, 12), t.text, 12, 'center');
  text(ctx, headingText, headingX, MID - 7, headingFont, heading ? t.text : t.muted, 13);
  if (synopsis && synopsisWidth > 60) text(ctx, fitText(synopsis, font(400, 12), synopsisWidth), synopsisX, MID - 6, font(400, 12), t.faint, 12);
  text(ctx, count, width - statsWidth, MID - 6, font(500, 12), t.muted, 12);
  ctx.fillStyle = t.faint;
  roundRect(ctx, width - timeWidth - 10, MID - 2, 3, 3, 1.5);
  ctx.fill();
  text(ctx, time, width - timeWidth, MID - 6, font(600, 12), t.badgeText, 12);
  ctx.fillStyle = t.divider;
  ctx.fillRect(0, header.height - 1, width, 1);
  if (empty) text(ctx, 'No panels in this scene yet.', 0, empty.y - header.y + 6, font(400, 12), t.faint, 12);
}

/**
 * A scene's header row, drawn once into a pooled bitmap. Takes no events (the canvas hit-tests the
 * layout); highlighted when selected, faint while dragged to a new place.
 */
export const SceneHeader = memo(function SceneHeader({ layout, selected = false, dimmed = false, resolution = 1 }: { layout: SceneLayout; selected?: boolean; dimmed?: boolean; resolution?: number }) {
  const { scene, header, runningMs, empty } = layout;
  const height = header.height + (empty ? empty.y + empty.height - header.y - header.height : 0);
  const { ref, canvas } = useBitmap(header.width, height, PAD, resolution, (ctx) => drawHeader(ctx, layout, selected), [scene, header.width, header.y, runningMs, empty, selected]);
  return (
    <KonvaImage
      ref={ref}
      image={canvas}
      x={header.x - PAD}
      y={header.y - PAD}
      width={header.width + 2 * PAD}
      height={height + 2 * PAD}
      opacity={dimmed ? 0.35 : 1}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
