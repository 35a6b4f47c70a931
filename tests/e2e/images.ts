import sharp from 'sharp';

/** A solid PNG with a thin darker border, so it is unmistakable on the canvas. */
export function solidPng(rgb: [number, number, number], width = 640, height = 360): Promise<Buffer> {
  const [r, g, b] = rgb;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="rgb(${r},${g},${b})"/>
    <rect x="4" y="4" width="${width - 8}" height="${height - 8}" fill="none" stroke="rgba(0,0,0,0.35)" stroke-width="8"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const SKY = [
  ['#1b2a4a', '#e98b5a'],
  ['#0f1d2b', '#3d6f8e'],
  ['#2b2233', '#c9715b'],
  ['#172126', '#86a8a0'],
  ['#251c17', '#d9a35f'],
] as const;

/**
 * A storyboard-like sketch: a dusk gradient, a horizon, a figure and a label. Deterministic per
 * `seed`, so screenshots stay comparable from run to run.
 */
export function sketchPng(seed: number, label: string, width = 960, height = 540): Promise<Buffer> {
  const [top, bottom] = SKY[seed % SKY.length];
  const horizon = Math.round(height * (0.55 + ((seed * 7) % 5) / 40));
  const fx = Math.round(width * (0.25 + ((seed * 13) % 10) / 20));
  const scale = 0.7 + ((seed * 3) % 5) / 6;
  const fh = Math.round(height * 0.32 * scale);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.78}" cy="${horizon - height * 0.12}" r="${height * 0.07}" fill="#f6d7a7" opacity="0.85"/>
    <path d="M0 ${horizon} L${width * 0.3} ${horizon - 40} L${width * 0.55} ${horizon - 10} L${width * 0.8} ${horizon - 55} L${width} ${horizon - 20} L${width} ${height} L0 ${height} Z" fill="#10131a" opacity="0.85"/>
    <g fill="#0a0c10">
      <circle cx="${fx}" cy="${horizon - fh}" r="${fh * 0.12}"/>
      <rect x="${fx - fh * 0.11}" y="${horizon - fh * 0.86}" width="${fh * 0.22}" height="${fh * 0.5}" rx="${fh * 0.06}"/>
      <rect x="${fx - fh * 0.09}" y="${horizon - fh * 0.4}" width="${fh * 0.07}" height="${fh * 0.4}"/>
      <rect x="${fx + fh * 0.02}" y="${horizon - fh * 0.4}" width="${fh * 0.07}" height="${fh * 0.4}"/>
    </g>
    <text x="24" y="${height - 24}" font-family="DejaVu Sans, sans-serif" font-size="28" fill="rgba(255,255,255,0.55)">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
