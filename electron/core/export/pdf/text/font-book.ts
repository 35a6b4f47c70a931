import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { CoreError } from '../../../errors';

/** Text styles the exporter uses; each has a chain of fonts tried in order for every character. */
export type FontRole = 'regular' | 'bold' | 'italic';

export interface Face {
  /** Stable name (the file name without extension), used as pdfkit's registered font name. */
  key: string;
  font: fontkit.Font;
  /** Ascender and descender as fractions of the font size (descent positive, below the baseline). */
  ascent: number;
  descent: number;
  /** Scripts whose shaping changes widths (Indic, Thai, Arabic): measured with full layout. */
  complex: boolean;
}

/**
 * Latin, Greek and Cyrillic first (Noto Sans), then Hebrew and Arabic (Noto, with Arabic joining
 * forms), symbols (DejaVu), Indic, Thai, CJK, and last the emoji (a monochrome subset of Symbola).
 */
const SCRIPT_FALLBACKS = ['NotoSansDevanagari-Regular.ttf', 'NotoSansThai-Regular.ttf', 'DroidSansFallbackFull.ttf', 'Symbola-Emoji.ttf'];
const CHAINS: Record<FontRole, string[]> = {
  regular: ['NotoSans-Regular.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansArabic-Regular.ttf', 'DejaVuSans.ttf', ...SCRIPT_FALLBACKS],
  bold: ['NotoSans-Bold.ttf', 'NotoSansHebrew-Bold.ttf', 'NotoSansArabic-Bold.ttf', 'DejaVuSans-Bold.ttf', ...SCRIPT_FALLBACKS],
  italic: ['NotoSans-Italic.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansArabic-Regular.ttf', 'DejaVuSans.ttf', ...SCRIPT_FALLBACKS],
};
const COMPLEX = new Set([
  'DejaVuSans', 'DejaVuSans-Bold', 'NotoSansDevanagari-Regular', 'NotoSansThai-Regular',
  'NotoSansHebrew-Regular', 'NotoSansHebrew-Bold', 'NotoSansArabic-Regular', 'NotoSansArabic-Bold',
]);
/**
 * Noto Sans Arabic declares room for stacked marks (1.37 em up, 0.74 down) that running text never
 * uses: its letters with vowel marks stay within about 0.95 and 0.46 em, inside the line box the other
 * fonts already need, so it does not make every line of every board taller.
 */
const LINE_BOX_EXEMPT = new Set(['NotoSansArabic-Regular', 'NotoSansArabic-Bold']);

/** Where the shipped fonts are: $BOARDWRIGHT_FONTS_DIR, the packaged app's resources, or assets/fonts above this file. */
export function locateFontsDir(): string {
  const candidates: string[] = [];
  if (process.env.BOARDWRIGHT_FONTS_DIR) candidates.push(process.env.BOARDWRIGHT_FONTS_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'fonts'));
  for (const start of [typeof __dirname === 'string' ? __dirname : null, process.cwd()]) {
    for (let dir = start; dir; dir = path.dirname(dir) === dir ? null : path.dirname(dir)) {
      candidates.push(path.join(dir, 'assets', 'fonts'));
    }
  }
  const found = candidates.find((d) => fs.existsSync(path.join(d, CHAINS.regular[0])));
  if (!found) throw new CoreError('INTERNAL', 'The fonts PDF export needs are missing (assets/fonts). Reinstall Boardwright.');
  return found;
}

/** The shipped fonts, loaded once per process, with a per-character choice of font for each role. */
export class FontBook {
  private readonly faces = new Map<string, Face>();
  private readonly chains: Record<FontRole, Face[]>;
  private readonly choice: Record<FontRole, Map<number, Face>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  /** Largest ascent and descent of any face: lines are spaced so no font's glyphs leave their box. */
  readonly ascent: number;
  readonly descent: number;

  /** `chains`: the font files of each role (the animatic's burn-ins add an emoji font to the PDF's). */
  constructor(dir: string, chains: Record<FontRole, readonly string[]> = CHAINS) {
    const load = (file: string): Face => {
      const key = file.replace(/\.[^.]+$/, '');
      let face = this.faces.get(key);
      if (!face) {
        const font = fontkit.create(fs.readFileSync(path.join(dir, file)));
        face = { key, font, ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm, complex: COMPLEX.has(key) };
        this.faces.set(key, face);
      }
      return face;
    };
    this.chains = { regular: chains.regular.map(load), bold: chains.bold.map(load), italic: chains.italic.map(load) };
    const boxed = [...this.faces.values()].filter((f) => !LINE_BOX_EXEMPT.has(f.key));
    this.ascent = Math.max(...boxed.map((f) => f.ascent));
    this.descent = Math.max(...boxed.map((f) => f.descent));
  }

  allFaces(): Face[] {
    return [...this.faces.values()];
  }

  primary(role: FontRole): Face {
    return this.chains[role][0];
  }

  /** Whether some font of the role's chain has a glyph for `cp`. */
  covers(role: FontRole, cp: number): boolean {
    return this.faceFor(role, cp).font.hasGlyphForCodePoint(cp);
  }

  /** The first font of the role's chain that has a glyph for `cp`; the primary when none has (it draws a box). */
  faceFor(role: FontRole, cp: number): Face {
    const cache = this.choice[role];
    let face = cache.get(cp);
    if (!face) {
      face = this.chains[role].find((f) => f.font.hasGlyphForCodePoint(cp)) ?? this.chains[role][0];
      cache.set(cp, face);
    }
    return face;
  }
}

let shared: FontBook | null = null;

export function fontBook(): FontBook {
  shared ??= new FontBook(locateFontsDir());
  return shared;
}
