/**
 * The fonts the exporter draws burn-ins with (assets/fonts, served at /media/fonts/), loaded as web
 * fonts so the player measures and draws captions with the same glyphs. One family per file, each
 * claiming every weight so the browser never synthesises a bold or italic the export would not have.
 */
import { BURN_IN_FONTS, BURN_IN_FONT_FILES, type BurnInRole } from '../../../shared/domain/burn-in-layout';

const family = (file: string) => `"bw-${file.replace(/\.[^.]+$/, '')}"`;
const stacks: Record<BurnInRole, string> = {
  regular: BURN_IN_FONTS.regular.map(family).join(', '),
  bold: BURN_IN_FONTS.bold.map(family).join(', '),
};

/** A canvas font for a role at a size in px. */
export const burnInFont = (role: BurnInRole, size: number) => `${size}px ${stacks[role]}`;
/** The face ffmpeg's drawtext uses for the exported timecode (findTimecodeFont finds DejaVu Sans in assets/fonts). */
export const timecodeFont = (size: number) => `${size}px ${family('DejaVuSans.ttf')}, monospace`;

let state: 'idle' | 'loading' | 'ready' = 'idle';
const waiting: (() => void)[] = [];

/** True once the fonts are loaded; before that, starts loading them and calls `onReady` when they are. */
export function burnInFontsReady(onReady: () => void): boolean {
  if (state === 'ready') return true;
  waiting.push(onReady);
  if (state === 'idle') {
    state = 'loading';
    const faces = BURN_IN_FONT_FILES.map((file) => new FontFace(family(file).slice(1, -1), `url(/media/fonts/${file})`, { weight: '100 900' }));
    for (const f of faces) document.fonts.add(f);
    // A font that fails to load falls back to the system's: captions still show, only less like the export.
    void Promise.allSettled(faces.map((f) => f.load())).then(() => {
      state = 'ready';
      measured.clear();
      for (const w of waiting.splice(0)) w();
    });
  }
  return false;
}

const measured = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

/** Width in em of text in a role's fonts, as the canvas shapes it. */
export function measureBurnIn(role: BurnInRole, text: string): number {
  const key = `${role}\u0000${text}`;
  let w = measured.get(key);
  if (w === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d')!;
    measurer.font = burnInFont(role, 100);
    w = measurer.measureText(text).width / 100;
    if (measured.size > 20_000) measured.clear();
    measured.set(key, w);
  }
  return w;
}
