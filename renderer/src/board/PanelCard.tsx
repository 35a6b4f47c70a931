import { memo } from 'react';
import { Image as KonvaImage } from './konva';
import type { Panel } from '../../../shared/domain/board';
import { pictureSha } from '../state/board-store';
import { CARD_PAD, drawCard, drawCardPicture, type CardDetail } from './draw-card';
import type { CardMetrics, Rect as Box } from './layout';
import { usePreview } from './previews';
import { useThumbnail } from './thumbnails';
import { useBitmap } from './useBitmap';

export type { CardDetail } from './draw-card';

interface Props {
  panel: Panel;
  rect: Box;
  metrics: CardMetrics;
  selected: boolean;
  hover?: boolean;
  /** Drawn faintly while it is being dragged elsewhere. */
  dimmed?: boolean;
  detail?: CardDetail;
  /** Bitmap resolution relative to board pixels (see useBitmap). */
  resolution?: number;
}

/**
 * One panel on the board (see draw-card.ts for what it shows), drawn once into a pooled bitmap and
 * placed as a single Konva image. Takes no events: the canvas hit-tests against the layout.
 */
export const PanelCard = memo(function PanelCard({ panel, rect, metrics, selected, hover = false, dimmed = false, detail = 'full', resolution = 1 }: Props) {
  const sha = pictureSha(panel);
  const { image: thumb, status } = useThumbnail(sha);
  // Drawn larger than the thumbnail (zoom, card size, HiDPI): a preview replaces it once loaded.
  const preview = usePreview(sha, metrics.frame.width * resolution * (window.devicePixelRatio || 1), thumb?.width ?? null);
  const image = preview ?? thumb;
  const look = { panel, width: rect.width, height: rect.height, metrics, selected, hover, detail, image, status };
  const { ref, canvas } = useBitmap(
    rect.width,
    rect.height,
    CARD_PAD,
    resolution,
    (ctx) => drawCard(ctx, look),
    [panel, rect.width, rect.height, metrics, selected, hover, detail],
    // A thumbnail arriving redraws the picture frame only.
    { draw: (ctx) => drawCardPicture(ctx, look), deps: [image, status] },
  );
  return (
    <KonvaImage
      ref={ref}
      image={canvas}
      x={rect.x - CARD_PAD}
      y={rect.y - CARD_PAD}
      width={rect.width + 2 * CARD_PAD}
      height={rect.height + 2 * CARD_PAD}
      opacity={dimmed ? (panel.omitted ? 0.45 : 0.3) : 1}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
