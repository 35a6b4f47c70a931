import { thumbnailUrl } from '../board/thumbnails';
import { pictureSha } from '../state/board-store';
import type { Panel } from '../../../shared/domain/board';
import { useEditorStore } from './editor-store';
import { lightTableOpacity, lightTablePanels } from './light-table';

/** Duotone tints: paper stays white, lines take the colour (earlier panels red, later ones blue), as on a light table. */
const TINTS = { before: [0.86, 0.16, 0.14], after: [0.1, 0.42, 0.92] } as const;

function tintMatrix([r, g, b]: readonly number[]): string {
  const row = (t: number) => `${(1 - t) * 0.2126} ${(1 - t) * 0.7152} ${(1 - t) * 0.0722} 0 ${t}`;
  return `${row(r)} ${row(g)} ${row(b)} 0 0 0 1 0`;
}

/** Neighbouring panels' pictures, faint, under the sketch: earlier panels tinted warm, later ones cool. */
export function LightTable({ order, at }: { order: readonly Panel[]; at: number }) {
  const { onion, lightTable, lightOpacity } = useEditorStore();
  if (!onion) return null;
  return (
    <>
      <svg width="0" height="0" className="light-table-filters" aria-hidden>
        {Object.entries(TINTS).map(([id, tint]) => (
          <filter key={id} id={`light-table-${id}`} colorInterpolationFilters="sRGB">
            <feColorMatrix type="matrix" values={tintMatrix(tint)} />
          </filter>
        ))}
      </svg>
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
