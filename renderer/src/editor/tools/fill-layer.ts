import type { SketchLayer } from '../../../../shared/domain/sketch';

type Layer = Pick<SketchLayer, 'id' | 'role' | 'name' | 'locked' | 'visible'>;

/**
 * The layer a flood fill lands on: the active layer when it is Fill or Tone (the layers for flat
 * colour and shading), else the Fill layer, under the lines. The fill is still computed from every
 * visible layer's lines, so filling inside a pencil outline while Pencil is active fills under it.
 */
export function fillLayerFor<L extends Layer>(layers: readonly L[], active: L | null): L | null {
  if (active && (active.role === 'fill' || active.role === 'tone')) return active;
  return layers.find((l) => l.role === 'fill') ?? active;
}

/** Why a fill cannot go on its layer (in the words the core uses for a locked layer), or null when it can. */
export function fillRefusal(layer: Layer): string | null {
  if (layer.locked) return `The ${layer.name} layer is locked. Unlock it to draw or change it.`;
  if (!layer.visible) return `The ${layer.name} layer is hidden. Show it to see what you fill.`;
  return null;
}
