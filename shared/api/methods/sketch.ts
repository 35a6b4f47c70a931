/** The panel editor: strokes on layers, the layers themselves, and the reference picture under them. */
import { z } from 'zod';
import type { Panel } from '../../domain/board';
import { SKETCH_TOOLS, type PanelLayers } from '../../domain/sketch';
import { id, method } from '../schemas';

const point = z.tuple([z.number().min(-1).max(2), z.number().min(-1).max(2), z.number().min(0).max(1)]);

const strokeFields = {
  tool: z.enum(SKETCH_TOOLS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  size: z.number().positive().max(0.5),
  opacity: z.number().min(0).max(1),
  points: z.array(point).min(1).max(20_000),
  text: z.string().max(2000).optional(),
};
const stroke = z.object(strokeFields).strict();
/** A stored stroke (its id names its layer and place) with new geometry. */
const storedStroke = z.object({ ...strokeFields, id: z.string().min(3).max(100) }).strict();
/** A layer id, or "std:<role>" for a standard layer nothing has been drawn on yet. */
const layerId = z.string().min(1).max(100);
const strokeIds = z.array(z.string().min(3).max(100)).min(1).max(20_000);

export const sketchMethods = {
  'sketch.get': method<PanelLayers>()(z.object({ panelId: id }).strict()),
  /** Adds strokes to a layer (default: Pencil) as one undo step, and refreshes the panel's flattened picture. */
  'sketch.addStroke': method<Panel>()(z.object({ panelId: id, stroke, layerId: layerId.optional() }).strict()),
  'sketch.addStrokes': method<Panel>()(z.object({ panelId: id, strokes: z.array(stroke).min(1).max(5000), layerId }).strict()),
  /** Erase by stroke. */
  'sketch.deleteStrokes': method<Panel>()(z.object({ panelId: id, ids: strokeIds }).strict()),
  /** Moved, scaled or rotated strokes, in place. */
  'sketch.updateStrokes': method<Panel>()(z.object({ panelId: id, strokes: z.array(storedStroke).min(1).max(5000) }).strict()),
  /** Clears one layer, or every unlocked layer. */
  'sketch.clear': method<Panel>()(z.object({ panelId: id, layerId: layerId.optional() }).strict()),
  'sketch.setImageOpacity': method<Panel>()(z.object({ panelId: id, opacity: z.number().min(0).max(1) }).strict()),
  /** Flips the drawing left to right (strokes mirrored, the reference picture flopped): one undo step. */
  'sketch.flip': method<Panel>()(z.object({ panelId: id }).strict()),
  'sketch.setImageVisible': method<Panel>()(z.object({ panelId: id, visible: z.boolean() }).strict()),

  'layers.add': method<Panel>()(z.object({ panelId: id, name: z.string().max(100), aboveId: layerId.optional() }).strict()),
  'layers.update': method<Panel>()(
    z
      .object({
        panelId: id,
        layerId,
        name: z.string().min(1).max(100).optional(),
        visible: z.boolean().optional(),
        locked: z.boolean().optional(),
        opacity: z.number().min(0).max(1).optional(),
      })
      .strict(),
  ),
  'layers.delete': method<Panel>()(z.object({ panelId: id, layerId }).strict()),
  /** Moves a layer to `index`, bottom to top. */
  'layers.move': method<Panel>()(z.object({ panelId: id, layerId, index: z.number().int().min(0).max(1000) }).strict()),
  'layers.mergeDown': method<Panel>()(z.object({ panelId: id, layerId }).strict()),
} as const;
