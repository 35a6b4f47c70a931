/**
 * Softness of a downscaled picture, measured as a print lab would: a dark/light edge tilted 5°
 * (ISO 12233's slanted edge) is drawn at full size, and in the downscaled copy the edge profile is
 * sampled across every row at sub-pixel offsets. Its 10–90% rise distance, in output pixels, is the
 * softness: wider is softer. Used by the print-copy tests and bench/print-sharpness.diagnose.ts.
 */
import sharp from 'sharp';

const TILT = Math.tan((5 * Math.PI) / 180);
const DARK = 40;
const LIGHT = 220;

/** A greyscale-content JPEG `width` x `height` with the slanted edge through its centre. */
export async function slantedEdgeJpeg(width: number, height: number, quality = 85): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const edge = width / 2 + (y - height / 2) * TILT;
    for (let x = 0; x < width; x++) px.fill(DARK + Math.min(1, Math.max(0, x + 0.5 - edge)) * (LIGHT - DARK), (y * width + x) * 3, (y * width + x + 1) * 3);
  }
  return sharp(px, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** The edge's 10–90% rise distance in the copy `image` of a slantedEdgeJpeg `width` px wide, and its overshoot (fraction of the step). */
export async function edgeRise(image: Buffer, width: number): Promise<{ rise: number; overshoot: number }> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const scale = width / info.width;
  const sourceHeight = info.height * scale;
  const bins = new Map<number, { sum: number; n: number }>();
  for (let y = 8; y < info.height - 8; y++) {
    // Where the edge crosses this output row, in output pixel centres.
    const edge = (width / 2 + ((y + 0.5) * scale - 0.5 - sourceHeight / 2) * TILT) / scale - 0.5;
    for (let x = Math.floor(edge) - 6; x <= Math.floor(edge) + 6; x++) {
      const d = Math.round((x - edge) * 10) / 10;
      const bin = bins.get(d) ?? { sum: 0, n: 0 };
      bin.sum += data[y * info.width + x];
      bin.n++;
      bins.set(d, bin);
    }
  }
  const profile = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([d, b]) => ({ d, v: b.sum / b.n }));
  const lo = profile[0].v;
  const hi = profile[profile.length - 1].v;
  const crossing = (f: number) => profile.find((p) => p.v >= lo + f * (hi - lo))!.d;
  return { rise: crossing(0.9) - crossing(0.1), overshoot: (Math.max(...profile.map((p) => p.v)) - hi) / (hi - lo) };
}
