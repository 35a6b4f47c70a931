import { SKETCH_TOOLS, type SketchTool, type Stroke } from './sketch';

/**
 * A stroke's compact binary form, as stored in `strokes.data` (issue 16: a board of 2,000 sketched
 * panels stays within a few percent of bare vectors) and as the editor receives a panel's layers.
 * Layout, little-endian:
 *   u8 format (1) · u8 tool · u8 r, g, b · u8 opacity · f32 size · u32 point count
 *   · per point: u16 x, u16 y (−1..2 of the frame in 65,535 steps: 0.18 px at 4K) · u8 pressure
 *   (opacity and pressure in 250 steps, so the mouse's 0.5 and halves and quarters stay exact)
 *   · the text's UTF-8 bytes (text strokes only, to the end).
 * Plain Uint8Array and DataView: the core and the renderer read it alike.
 */
const FORMAT = 1;
const HEADER = 14;
const POINT = 5;
const MIN = -1;
const SPAN = 3;
const STEPS = 0xffff;
const UNIT = 250;
const toUnit = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * UNIT);
const fromUnit = (q: number) => Math.round((q / UNIT) * 1000) / 1000;
const toU16 = (v: number) => Math.round(((Math.min(2, Math.max(-1, v)) - MIN) / SPAN) * STEPS);
const fromU16 = (q: number) => Math.round(((q / STEPS) * SPAN + MIN) * 1e5) / 1e5;

/**
 * The length of the stroke whose bytes start at `at`, without a text stroke's text (which runs to the
 * end of its bytes); null when its header is cut short. Lets a run of strokes be stored end to end.
 */
export function strokeLengthWithoutText(bytes: Uint8Array, at: number): number | null {
  if (at + HEADER > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return HEADER + view.getUint32(at + 10, true) * POINT;
}

export function encodeStrokeBytes(stroke: Omit<Stroke, 'id'>): Uint8Array {
  const text = stroke.tool === 'text' ? new TextEncoder().encode(stroke.text ?? '') : new Uint8Array(0);
  const bytes = new Uint8Array(HEADER + stroke.points.length * POINT + text.length);
  const view = new DataView(bytes.buffer);
  const rgb = parseInt(stroke.color.slice(1, 7), 16);
  bytes[0] = FORMAT;
  bytes[1] = SKETCH_TOOLS.indexOf(stroke.tool);
  bytes[2] = (rgb >> 16) & 0xff;
  bytes[3] = (rgb >> 8) & 0xff;
  bytes[4] = rgb & 0xff;
  bytes[5] = toUnit(stroke.opacity);
  view.setFloat32(6, stroke.size, true);
  view.setUint32(10, stroke.points.length, true);
  let at = HEADER;
  for (const [x, y, p] of stroke.points) {
    view.setUint16(at, toU16(x), true);
    view.setUint16(at + 2, toU16(y), true);
    bytes[at + 4] = toUnit(p);
    at += POINT;
  }
  bytes.set(text, at);
  return bytes;
}

/**
 * The stroke in `bytes`, or null when they are not a stroke this version can read (another format, or
 * cut short). `lazyPoints`: its points are read when first used (the panel editor opens on thousands
 * of strokes and draws them a few at a time; reading them all up front was most of its wait).
 */
export function decodeStrokeBytes(id: string, bytes: Uint8Array, lazyPoints = false): Stroke | null {
  if (bytes.length < HEADER || bytes[0] !== FORMAT) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tool = SKETCH_TOOLS[bytes[1]] as SketchTool | undefined;
  const count = view.getUint32(10, true);
  if (!tool || bytes.length < HEADER + count * POINT) return null;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const stroke = {
    id,
    tool,
    color: `#${hex(bytes[2])}${hex(bytes[3])}${hex(bytes[4])}`,
    size: Math.round(view.getFloat32(6, true) * 1e7) / 1e7,
    opacity: fromUnit(bytes[5]),
  } as Stroke;
  if (lazyPoints) {
    let points: Stroke['points'] | null = null;
    Object.defineProperty(stroke, 'points', {
      enumerable: true,
      configurable: true,
      get: () => (points ??= readPoints(view, count)),
      set: (value: Stroke['points']) => void (points = value),
    });
  } else stroke.points = readPoints(view, count);
  if (tool === 'text') stroke.text = new TextDecoder().decode(bytes.subarray(HEADER + count * POINT));
  return stroke;
}

function readPoints(view: DataView, count: number): Stroke['points'] {
  const points: Stroke['points'] = new Array(count);
  for (let i = 0, at = HEADER; i < count; i++, at += POINT) {
    points[i] = [fromU16(view.getUint16(at, true)), fromU16(view.getUint16(at + 2, true)), fromUnit(view.getUint8(at + 4))];
  }
  return points;
}
