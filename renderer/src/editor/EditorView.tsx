import { useEffect, useMemo, useRef, useState } from 'react';
import { aspectValue } from '../../../shared/domain/project';
import { visibleStrokes } from '../../../shared/domain/sketch';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from '../components/Icons';
import { allPanels, findPanel, useBoardStore } from '../state/board-store';
import { sketchActions } from '../state/sketch-actions';
import { useSessionStore } from '../state/session-store';
import { useViewStore } from '../state/view-store';
import { formatSeconds } from '../util/format';
import { useElementSize } from '../util/useElementSize';
import { useValueWhenViewStill } from './view/view-motion';
import { setEditorSource, setEditorStatus } from './editor-hook';
import { useEditorStore } from './editor-store';
import { EditorToolbar } from './EditorToolbar';
import { SketchSurface, type NewStroke } from './SketchSurface';
import { fillLayerFor, fillRefusal } from './tools/fill-layer';
import { LightTable } from './LightTable';
import { useEditorKeys } from './useEditorKeys';
import { usePanelLayers } from './usePanelLayers';
import { frameAt, frameBoxOf } from './view/useViewGestures';
import { useViewKeys } from './view/useViewKeys';
import { useEditorViewStore } from './view/view-store';
import { EditorViewControls } from './view/ViewControls';
import { ViewStage } from './view/ViewStage';
import { sketchPixelScale } from './view/view-transform';
import { LayersPanel } from './layers/LayersPanel';
import { useStrokeClipboard } from './layers/useStrokeClipboard';
import { SelectionOverlay } from './select/SelectionOverlay';
import { isSelectTool } from './tools/editor-tools';
import { useSelectionStore } from './select/selection-store';

const FRAME_PAD = 28;

/** A large view of one panel: sketch over its image, the light table of its neighbours, previous/next; zoom, rotate and flip the view. */
export function EditorView({ panelId }: { panelId: string }) {
  const board = useBoardStore((s) => s.board)!;
  const found = findPanel(board, panelId)!;
  const { panel, scene } = found;
  const order = allPanels(board);
  const at = order.findIndex((p) => p.id === panelId);
  const prev = order[at - 1] ?? null;
  const next = order[at + 1] ?? null;
  const { layers, drawn, strokes, pendingCount, addStroke, editStrokes } = usePanelLayers(panelId);
  const activeRef = useEditorStore((s) => s.activeLayer);
  const active = (drawn.find((l) => l.id === activeRef.id) ?? drawn.find((l) => l.role === activeRef.role && l.role !== 'custom') ?? drawn.find((l) => l.role === 'pencil')) || null;
  const tool = useEditorStore((s) => s.tool);
  // The flood fill lands on the Fill layer (or the active Fill or Tone layer): it refuses there itself, with a message.
  const fillLayer = fillLayerFor(drawn, active);
  const drawsOn = tool === 'fill' ? fillLayer : active;
  const onFill = (stroke: NewStroke) => {
    if (!fillLayer) return;
    const refusal = fillRefusal(fillLayer);
    if (refusal) useSessionStore.getState().showNotice({ kind: 'error', title: 'Could not fill', message: refusal });
    else addStroke(stroke, fillLayer.id);
  };
  const [draftOpacity, setDraftOpacity] = useState<number | null>(null);
  const [painting, setPainting] = useState(false);
  /** Strokes being dragged by the selection tool: drawn by it, left out of their layer meanwhile. */
  const [dragged, setDragged] = useState<ReadonlySet<string> | null>(null);
  const shown = useMemo(
    () => drawn.filter((l) => l.visible).map((l) => (dragged && l.strokes.some((s) => dragged.has(s.id)) ? { ...l, strokes: l.strokes.filter((s) => !dragged.has(s.id)) } : l)),
    [drawn, dragged],
  );
  const locked = !layers || !active || active.locked || !active.visible;
  const stageRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(stageRef);

  const aspect = aspectValue(board.project.aspectRatio);
  const availW = Math.max(0, size.width - 2 * FRAME_PAD);
  const availH = Math.max(0, size.height - 2 * FRAME_PAD);
  const width = Math.floor(Math.min(availW, availH * aspect));
  const height = Math.floor(width / aspect);
  // The frame's contents wait for the stage's size (measured before the first paint): made at no size
  // first, every layer's canvas was sized and painted twice as the editor opened.
  const sized = width > 0 && height > 0;
  const image = layers?.image ?? null;
  const imageOpacity = image ? (draftOpacity ?? image.opacity) : null;

  const go = (id: string | null) => {
    if (!id) return;
    useBoardStore.getState().select(id, true);
    useViewStore.getState().openEditor(id);
  };
  const close = () => {
    useBoardStore.getState().select(panelId, true);
    useViewStore.getState().openEditor(null);
  };
  useEditorKeys({ close, prev: () => go(prev?.id ?? null), next: () => go(next?.id ?? null) });
  useViewKeys();
  useStrokeClipboard(panelId, active, panel.shotNumber);
  const visibleLayers = drawn.filter((l) => l.visible).length;
  // Sharper canvases once a zoom has ended: repainting thousands of strokes mid-gesture would stutter it
  // (waiting for the wanted scale alone to hold still repainted mid-zoom, the scale changing in steps).
  const pixelScale = useValueWhenViewStill(
    useEditorViewStore((s) => sketchPixelScale(s.view.zoom, width, window.devicePixelRatio || 1, visibleLayers + 1, height)),
  );
  /** The frame point under a page position, through the view's zoom, pan, rotation and flip. */
  const toFrame = (x: number, y: number) => frameAt(stageRef.current, width, height, x, y);

  useEffect(() => setDraftOpacity(null), [layers]);
  // The inspector beside the editor shows this panel.
  useEffect(() => {
    const { selection, select } = useBoardStore.getState();
    if (selection.size !== 1 || !selection.has(panelId)) select(panelId);
  }, [panelId]);
  useEffect(() => {
    const status = { panelId, loaded: layers !== null, strokes: layers ? visibleStrokes(layers).length : 0 };
    setEditorStatus(status);
    setEditorSource(() => {
      const box = frameRef.current?.getBoundingClientRect();
      const tools = useEditorStore.getState();
      const fit = frameBoxOf(stageRef.current, width, height);
      const { view } = useEditorViewStore.getState();
      return {
        ...status,
        pending: pendingCount,
        imageOpacity: imageOpacity ?? 1,
        tool: tools.tool,
        onion: tools.onion,
        frame: box ? { x: box.left, y: box.top, width: box.width, height: box.height } : null,
        fitFrame: fit ? { x: fit.cx - width / 2, y: fit.cy - height / 2, width, height } : null,
        view: { ...view },
        activeLayer: active ? { id: active.id, name: active.name } : null,
        selected: useSelectionStore.getState().ids.length,
      };
    });
    return () => {
      setEditorSource(null);
      setEditorStatus(null);
    };
  }, [panelId, layers, pendingCount, imageOpacity, active, width, height]);

  return (
    <section className="editor" data-testid="panel-editor" aria-label={`Panel ${panel.shotNumber} editor`}>
      <header className="editor-bar">
        <button type="button" className="button button-small" data-testid="editor-close" onClick={close} title="Back to the board (Esc)">
          <CloseIcon />
          Board
        </button>
        <div className="editor-title">
          <strong data-testid="editor-shot">{panel.shotNumber}</strong>
          <span className="editor-sub">
            {scene.heading.trim() || `Scene ${scene.number}`} · {formatSeconds(panel.durationMs)}
          </span>
        </div>
        <span className="toolbar-spacer" />
        <EditorViewControls />
        <span className="editor-count">
          {at + 1} of {order.length}
        </span>
        <div className="button-group">
          <button type="button" className="icon-button" data-testid="editor-prev" disabled={!prev} onClick={() => go(prev?.id ?? null)} title={prev ? `Previous panel ${prev.shotNumber} (←)` : 'First panel'} aria-label="Previous panel">
            <ChevronLeftIcon />
          </button>
          <button type="button" className="icon-button" data-testid="editor-next" disabled={!next} onClick={() => go(next?.id ?? null)} title={next ? `Next panel ${next.shotNumber} (→)` : 'Last panel'} aria-label="Next panel">
            <ChevronRightIcon />
          </button>
        </div>
      </header>
      <EditorToolbar
        imageOpacity={imageOpacity}
        onImageOpacity={(v, commit) => {
          setDraftOpacity(v);
          if (commit && image && Math.abs(v - image.opacity) > 0.001) void sketchActions.setImageOpacity(panelId, v);
        }}
      />
      <div className="editor-body">
        <ViewStage stageRef={stageRef} frameRef={frameRef} width={width} height={height} aspect={aspect}>
          {image && image.visible && (
            <img
              className="editor-layer"
              src={`/media/full/${image.sha256}`}
              alt=""
              // An image of (almost) the frame's own shape fills it: no hairline of paper from rounding.
              style={{ opacity: imageOpacity ?? 1, objectFit: Math.abs(image.width / image.height / aspect - 1) < 0.01 ? 'cover' : 'contain' }}
              draggable={false}
            />
          )}
          {(painting || !layers) && panel.thumbSha256 && panel.thumbSha256 !== panel.imageSha256 && (
            // The board's picture of the panel stands in while a large sketch paints (over several frames).
            <img className="editor-layer" data-testid="editor-placeholder" src={`/media/preview/512/${panel.thumbSha256}`} alt="" draggable={false} />
          )}
          {sized && (
            <>
              <LightTable order={order} at={at} />
              <SketchSurface
                width={width}
                height={height}
                layers={shown}
                activeLayerId={active?.id ?? null}
                onStroke={(stroke) => active && addStroke(stroke, active.id)}
                onFill={onFill}
                disabled={!layers || !drawsOn || (tool !== 'fill' && (drawsOn.locked || !drawsOn.visible))}
                toFrame={toFrame}
                pixelScale={pixelScale}
                onPainting={setPainting}
                onEraseStrokes={(ids) => void sketchActions.deleteStrokes(panelId, ids)}
                onEditText={(note, text) => (text ? editStrokes([{ ...note, text }]) : editStrokes([], [note.id]))}
              />
              {isSelectTool(tool) && (
                <SelectionOverlay lasso={tool === 'lasso'} width={width} height={height} pixelScale={pixelScale} layer={active} disabled={locked} toFrame={toFrame} onHide={setDragged} onEdit={editStrokes} />
              )}
            </>
          )}
        </ViewStage>
        <LayersPanel panelId={panelId} loaded={layers} layers={drawn} active={active} onClearAll={strokes.length > 0 ? () => void sketchActions.clear(panelId) : null} />
      </div>
      <footer className="editor-foot">
        {[panel.shotSize, panel.lensMm ? `${panel.lensMm}mm` : null, panel.angle, panel.cameraMove].filter(Boolean).map((b) => (
          <span key={b} className="chip">
            {b}
          </span>
        ))}
        <span className="editor-action">{panel.action.trim() || panel.dialogue.trim() || 'No action written yet.'}</span>
        <span className="hint">Esc closes · ←/→ previous/next · V select/lasso · P L B E draw · N line · U box/ellipse · A arrows · F fill · T text · [ ] size · wheel zoom · Space pan · R rotate · H flip · Shift+1 fit</span>
      </footer>
    </section>
  );
}
