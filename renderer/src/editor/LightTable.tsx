import { thumbnailUrl } from '../board/thumbnails';
import { pictureSha } from '../state/board-store';
import type { Panel } from '../../../shared/domain/board';
import { useEditorStore } from './editor-store';
import { lightTableOpacity, lightTablePanels } from './light-table';

/** Neighbouring panels' pictures, faint, under the sketch: earlier panels tinted warm, later ones cool. */
export function LightTable({ order, at }: { order: readonly Panel[]; at: number }) {
  const { onion, lightTable, lightOpacity } = useEditorStore();
  if (!onion) return null;
  return (
    <>
      {lightTablePanels(order, at, lightTable).map(({ panel, offset }) => {
        const sha = pictureSha(panel);
        return sha ? (
          <img
            key={`${offset}:${panel.id}`}
            className={`editor-layer editor-onion ${offset < 0 ? 'is-before' : 'is-after'}`}
            src={thumbnailUrl(sha)}
            alt=""
            data-testid="onion-skin"
            data-offset={offset}
            data-panel={panel.id}
            style={{ opacity: lightTableOpacity(lightOpacity, offset) }}
            draggable={false}
          />
        ) : null;
      })}
    </>
  );
}
