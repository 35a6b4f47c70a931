import type { ReactNode } from 'react';
import { BrushIcon, EraserIcon, PenIcon, PencilIcon } from '../components/Icons';
import { INK_COLOURS, MAX_SIZE, MIN_SIZE, useEditorStore } from './editor-store';
import { LightTableMenu } from './LightTableMenu';
import type { EditorTool } from './tools/editor-tools';
import { CameraArrowIcon, CharacterArrowIcon, EllipseIcon, FillIcon, LineIcon, RectIcon, StrokeEraserIcon, TextIcon } from './tools/tool-icons';
import { GuidesMenu } from './view/GuidesMenu';

type ToolButton = { tool: EditorTool; label: string; key: string; icon: ReactNode };

/** The tools in groups: freehand, shapes and arrows, fill and text. */
const TOOL_GROUPS: { label: string; tools: ToolButton[] }[] = [
  {
    label: 'Drawing tool',
    tools: [
      { tool: 'pen', label: 'Pen', key: 'P', icon: <PenIcon /> },
      { tool: 'pencil', label: 'Pencil', key: 'L', icon: <PencilIcon /> },
      { tool: 'brush', label: 'Brush', key: 'B', icon: <BrushIcon /> },
      { tool: 'eraser', label: 'Eraser (rubs out ink)', key: 'E', icon: <EraserIcon /> },
      { tool: 'stroke-eraser', label: 'Stroke eraser (takes whole strokes)', key: 'E again', icon: <StrokeEraserIcon /> },
    ],
  },
  {
    label: 'Shape tool',
    tools: [
      { tool: 'line', label: 'Line, Shift snaps to 15°', key: 'N', icon: <LineIcon /> },
      { tool: 'rect', label: 'Rectangle, Shift for a square', key: 'U', icon: <RectIcon /> },
      { tool: 'ellipse', label: 'Ellipse, Shift for a circle', key: 'U again', icon: <EllipseIcon /> },
      { tool: 'character-arrow', label: 'Character move arrow (solid); drag a curve to bend it', key: 'A', icon: <CharacterArrowIcon /> },
      { tool: 'camera-arrow', label: 'Camera move arrow (outlined); drag a curve to bend it', key: 'A again', icon: <CameraArrowIcon /> },
    ],
  },
  {
    label: 'Fill and text',
    tools: [
      { tool: 'fill', label: 'Fill the area under a click (on the Fill layer, under the lines)', key: 'F', icon: <FillIcon /> },
      { tool: 'text', label: 'Text note: click, type, Enter', key: 'T', icon: <TextIcon /> },
    ],
  },
];

interface Props {
  /** Image-layer opacity 0..1, or null when the panel has no image. */
  imageOpacity: number | null;
  onImageOpacity(value: number, commit: boolean): void;
}

/** Tools, ink colour, size, image-layer opacity, guides, light table and "clear sketch" of the panel editor. */
export function EditorToolbar({ imageOpacity, onImageOpacity }: Props) {
  const { tool, colour, sizes, setTool, setColour, setSize } = useEditorStore();
  return (
    <div className="editor-tools" role="toolbar" aria-label="Sketch tools">
      {TOOL_GROUPS.map((g) => (
        <div key={g.label} className="segmented" role="radiogroup" aria-label={g.label}>
          {g.tools.map((t) => (
            <button
              key={t.tool}
              type="button"
              role="radio"
              aria-checked={tool === t.tool}
              aria-label={t.label.split(/[,:;]/)[0]}
              className={`segment${tool === t.tool ? ' is-on' : ''}`}
              data-testid={`tool-${t.tool}`}
              title={`${t.label} (${t.key})`}
              onClick={() => setTool(t.tool)}
            >
              {t.icon}
            </button>
          ))}
        </div>
      ))}
      <span className="toolbar-divider" />
      <div className="swatches" role="radiogroup" aria-label="Ink colour">
        {INK_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={colour === c}
            aria-label={`Ink ${c}`}
            className={`swatch${colour === c ? ' is-on' : ''}`}
            style={{ background: c }}
            disabled={tool === 'eraser' || tool === 'stroke-eraser'}
            onClick={() => setColour(c)}
          />
        ))}
        <label className="swatch swatch-custom" title="Another colour">
          <input type="color" value={colour} data-testid="ink-colour" disabled={tool === 'eraser' || tool === 'stroke-eraser'} onChange={(e) => setColour(e.target.value)} />
        </label>
      </div>
      <span className="toolbar-divider" />
      <label className="slider-field" title={tool === 'fill' ? 'Gaps in the lines narrower than this many pixels hold the fill ([ and ])' : 'Size ([ and ])'}>
        <span className="slider-label">{tool === 'fill' ? 'Gap' : 'Size'}</span>
        <input type="range" min={MIN_SIZE} max={MAX_SIZE} step={1} value={sizes[tool]} data-testid="tool-size" onChange={(e) => setSize(Number(e.target.value))} />
        <span className="slider-value">{sizes[tool]}</span>
      </label>
      <label className="slider-field" title={imageOpacity === null ? 'This panel has no image' : 'Opacity of the image under the sketch'}>
        <span className="slider-label">Image</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          disabled={imageOpacity === null}
          value={Math.round((imageOpacity ?? 1) * 100)}
          data-testid="image-opacity"
          onChange={(e) => onImageOpacity(Number(e.target.value) / 100, false)}
          onPointerUp={(e) => onImageOpacity(Number(e.currentTarget.value) / 100, true)}
          onKeyUp={(e) => onImageOpacity(Number(e.currentTarget.value) / 100, true)}
        />
        <span className="slider-value">{imageOpacity === null ? '—' : `${Math.round(imageOpacity * 100)}%`}</span>
      </label>
      <span className="toolbar-spacer" />
      <GuidesMenu />
      <LightTableMenu />
    </div>
  );
}
