import { SKETCH_TOOLS, type SketchTool, type Stroke } from '../../../shared/domain/sketch';
import { CoreError } from '../errors';

/**
 * A stroke's compact binary form, as stored in `strokes.data` (issue 16: a board of 2,000 sketched
 * panels stays within a few percent of bare vectors). Layout, little-endian:
 *   u8 format (1) · u8 tool · u8 r, g, b · u8 opacity · f32 size · u32 point count
 *   · per point: u16 x, u16 y (−1..2 of the frame in 65,535 steps: 0.18 px at 4K) · u8 pressure
 *   (opacity and pressure in 250 steps, so the mouse's 0.5 and halves and quarters stay exact)
 *   · the text's UTF-8 bytes (text strokes only, to the end).
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
const fromU16 = (q: number) => Math.round((q / STEPS * SPAN + MIN) * 1e5) / 1e5;

export function encodeStroke(stroke: Omit<Stroke, 'id'>): Buffer {
  const text = stroke.tool === 'text' ? Buffer.from(stroke.text ?? '', 'utf8') : Buffer.alloc(0);
  const buf = Buffer.alloc(HEADER + stroke.points.length * POINT + text.length);
  buf.writeUInt8(FORMAT, 0);
  buf.writeUInt8(SKETCH_TOOLS.indexOf(stroke.tool), 1);
  const rgb = parseInt(stroke.color.slice(1, 7), 16);
  buf.writeUInt8((rgb >> 16) & 0xff, 2);
  buf.writeUInt8((rgb >> 8) & 0xff, 3);
  buf.writeUInt8(rgb & 0xff, 4);
  buf.writeUInt8(toUnit(stroke.opacity), 5);
  buf.writeFloatLE(stroke.size, 6);
  buf.writeUInt32LE(stroke.points.length, 10);
  let at = HEADER;
  for (const [x, y, p] of stroke.points) {
    buf.writeUInt16LE(toU16(x), at);
    buf.writeUInt16LE(toU16(y), at + 2);
    buf.writeUInt8(toUnit(p), at + 4);
    at += POINT;
  }
  text.copy(buf, at);
  return buf;
}

export function decodeStroke(id: string, data: Buffer): Stroke {
  if (data.length < HEADER || data.readUInt8(0) !== FORMAT) throw new CoreError('CORRUPT', `Stroke ${id} is not in a format this version can read.`);
  const tool = SKETCH_TOOLS[data.readUInt8(1)] as SketchTool | undefined;
  const count = data.readUInt32LE(10);
  if (!tool || data.length < HEADER + count * POINT) throw new CoreError('CORRUPT', `Stroke ${id} is damaged.`);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const points: [number, number, number][] = new Array(count);
  for (let i = 0, at = HEADER; i < count; i++, at += POINT) {
    points[i] = [fromU16(data.readUInt16LE(at)), fromU16(data.readUInt16LE(at + 2)), fromUnit(data.readUInt8(at + 4))];
  }
  const stroke: Stroke = {
    id,
    tool,
    color: `#${hex(data.readUInt8(2))}${hex(data.readUInt8(3))}${hex(data.readUInt8(4))}`,
    size: Math.round(data.readFloatLE(6) * 1e7) / 1e7,
    opacity: fromUnit(data.readUInt8(5)),
    points,
  };
  if (tool === 'text') stroke.text = data.subarray(HEADER + count * POINT).toString('utf8');
  return stroke;
}
