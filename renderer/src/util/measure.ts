let context: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

/** Width in CSS pixels of `text` in a canvas font such as "600 11px sans-serif" (cached). */
export function measureText(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  context ??= document.createElement('canvas').getContext('2d');
  let width = text.length * 7;
  if (context) {
    context.font = font;
    width = context.measureText(text).width;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, width);
  return width;
}
