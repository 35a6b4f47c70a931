/**
 * Stored palettes (table image_palettes, one row per image by SHA-256): written when an image is
 * stored (queries/image-queries.ts storeImage), and for images stored before schema 6 the first time
 * the figures need them (ensurePalettes).
 */
import { z } from 'zod';
import type { Swatch } from '../../../shared/domain/insights';
import type { Db } from '../db/connection';

/** What reading palettes needs of a project: its connection, and whether it may write. */
interface PaletteSource {
  db: Db;
  readOnly: boolean;
}
import { extractPalette } from './palette';

/**
 * Palettes read or written, per open database. An image's palette never changes (it is derived from
 * bytes stored by their SHA-256), so a remembered one is never stale; figures asked for again and again
 * (the Insights view follows every edit) then read only the pictures new to them.
 */
const remembered = new WeakMap<Db, Map<string, Swatch[]>>();
const memoryOf = (db: Db) => remembered.get(db) ?? remembered.set(db, new Map()).get(db)!;

const swatches = z.array(z.object({ hex: z.string().regex(/^#[0-9a-f]{6}$/), weight: z.number().min(0).max(1) }));

/** Writes an image's palette once (a second write for the same image is a no-op). Not part of undo. */
export function storePalette(db: Db, sha256: string, palette: Swatch[]): void {
  db.prepare('INSERT OR IGNORE INTO image_palettes (sha256, swatches) VALUES (?, ?)').run(sha256, JSON.stringify(palette));
}

/** An image's dominant colours, most covering first; [] when it has none stored (yet) or is unknown. */
export function paletteOf(project: PaletteSource, sha256: string): Swatch[] {
  return readPalettes(project.db, [sha256]).get(sha256) ?? [];
}

/** The stored palettes of the given images; images without one are absent from the map. */
export function readPalettes(db: Db, sha256s: readonly string[]): Map<string, Swatch[]> {
  const memory = memoryOf(db);
  const out = new Map<string, Swatch[]>();
  const unread: string[] = [];
  for (const sha of new Set(sha256s)) {
    const known = memory.get(sha);
    if (known) out.set(sha, known);
    else unread.push(sha);
  }
  if (unread.length === 0) return out;
  const rows = db
    .prepare('SELECT sha256, swatches FROM image_palettes WHERE sha256 IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(unread)) as { sha256: string; swatches: string }[];
  for (const row of rows) {
    const parsed = swatches.safeParse(safeJson(row.swatches));
    if (!parsed.success) continue;
    memory.set(row.sha256, parsed.data);
    out.set(row.sha256, parsed.data);
  }
  return out;
}

/**
 * The palettes of the given images, extracting from their thumbnails those not stored yet (images
 * stored before schema 6) and storing them when the project is open for writing; opened read-only,
 * they are only remembered while it is open. Images unknown to the project are absent from the map.
 */
export async function ensurePalettes(project: PaletteSource, sha256s: readonly string[]): Promise<Map<string, Swatch[]>> {
  const found = readPalettes(project.db, sha256s);
  const missing = [...new Set(sha256s)].filter((sha) => !found.has(sha));
  if (missing.length === 0) return found;
  const thumbs = project.db.prepare('SELECT sha256, thumb FROM images WHERE sha256 IN (SELECT value FROM json_each(?))');
  const extracted: [string, Swatch[]][] = [];
  for (const row of thumbs.all(JSON.stringify(missing)) as { sha256: string; thumb: Buffer }[]) {
    try {
      extracted.push([row.sha256, await extractPalette(row.thumb)]);
    } catch {
      // An undecodable thumbnail has no palette; its panel is left out of the colour figures.
    }
  }
  for (const [sha, palette] of extracted) {
    found.set(sha, palette);
    memoryOf(project.db).set(sha, palette);
  }
  if (!project.readOnly && extracted.length > 0) {
    try {
      project.db.transaction(() => extracted.forEach(([sha, palette]) => storePalette(project.db, sha, palette))).immediate();
    } catch {
      // Derived data: not storing it only means extracting it again next time.
    }
  }
  return found;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
