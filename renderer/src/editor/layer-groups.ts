/** A visible layer as the groups need it. */
interface GroupMember {
  id: string;
  opacity: number;
  strokes: readonly unknown[];
}

/** The layers under the active one, the active one, and those over it (bottom to top). */
export interface LayerStack<L extends GroupMember> {
  below: L[];
  active: L | null;
  above: L[];
}

/** Splits `layers` (bottom to top) around the active layer; with no visible active layer, all are below. */
export function splitStack<L extends GroupMember>(layers: readonly L[], activeId: string | null): LayerStack<L> {
  const at = layers.findIndex((l) => l.id === activeId);
  if (at < 0) return { below: [...layers], active: null, above: [] };
  return { below: layers.slice(0, at), active: layers[at], above: layers.slice(at + 1) };
}

/** What a group shows: its members and their opacities, in order (a change means drawing it again). */
export function groupKey(members: readonly GroupMember[]): string {
  return members.map((m) => `${m.id}:${m.opacity}`).join(',');
}

/**
 * Draws the member layers' canvases, bottom to top at their opacity, into `target` at `width` x
 * `height` backing pixels. The screen then composites one canvas for the whole group instead of one
 * per layer: without a GPU (software compositing), each full-frame canvas costs the browser a
 * full-frame blend on every frame of a zoom, pan or stroke.
 */
export function flattenGroup(target: HTMLCanvasElement, members: readonly GroupMember[], canvases: ReadonlyMap<string, HTMLCanvasElement>, width: number, height: number): void {
  // Nothing to draw: no strokes, or a new canvas the painter has not filled yet (a panel just opened).
  const drawn = members.flatMap((m) => {
    const c = canvases.get(m.id);
    return c && c.width > 0 && c.height > 0 && m.opacity > 0 && m.strokes.length > 0 && !c.dataset.blank ? [{ canvas: c, opacity: m.opacity }] : [];
  });
  if (target.width !== width || target.height !== height) {
    target.width = width;
    target.height = height;
    // A canvas just sized is clear, and stays unallocated until drawn on: 10 MB and more at 4K.
    if (drawn.length === 0) return;
  }
  const ctx = target.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.clearRect(0, 0, width, height);
  for (const { canvas, opacity } of drawn) {
    ctx.globalAlpha = opacity;
    // A layer still being repainted at a new resolution shows its old picture, scaled.
    ctx.drawImage(canvas, 0, 0, width, height);
  }
  ctx.globalAlpha = 1;
}
