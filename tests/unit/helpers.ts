import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/connection';
import { CoreError } from '../../electron/core/errors';

export function tempDir(prefix = 'bw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A small PNG with a colour and a diagonal stripe, distinct per (width, height, colour). */
export async function makePng(width: number, height: number, rgb: [number, number, number] = [200, 40, 40]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="rgb(${rgb.join(',')})"/>
    <line x1="0" y1="0" x2="${width}" y2="${height}" stroke="white" stroke-width="${Math.max(2, width / 40)}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * Every row of every document table, for exact before/after comparisons (history excluded). Panels'
 * composites are left out: they are derived from the layers and drawn again after an undo.
 */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'history' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  const composites = new Set(db.prepare("SELECT sha256 FROM images WHERE source_name = 'sketch composite'").pluck().all() as string[]);
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all() as Record<string, unknown>[];
    out[t] = rows
      .filter((r) => !((t === 'images' || t === 'image_data' || t === 'image_palettes') && composites.has(r.sha256 as string)))
      .map((r) => {
        if (t !== 'panels') return r;
        const { composite_sha256: _c, composite_stale: _s, ...rest } = r;
        return rest;
      });
  }
  return out;
}

/** Runs `fn`, expecting a CoreError; returns it (for its code and message). */
export function refusal(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    return e as CoreError;
  }
  throw new Error('expected a refusal');
}

/** Awaits `p`, expecting it to reject with a CoreError; returns it. */
export async function rejection(p: Promise<unknown>): Promise<CoreError> {
  const e = await p.then(
    () => new Error('expected a refusal'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CoreError);
  return e as CoreError;
}

/** SQL that turns schema 12's clip chunks back into schema 11's blob table, for tests that rebuild an older file. */
export const BEFORE_CLIP_CHUNKS = 'CREATE TABLE clip_data (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL); DROP TABLE clip_chunks;';
