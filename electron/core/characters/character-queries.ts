import type { Character, StyleBible, StyleReference } from '../../../shared/domain/generation';
import { EMPTY_STYLE_BIBLE } from '../../../shared/domain/generation';
import type { Db } from '../db/connection';

interface CharacterRow {
  id: string;
  position: number;
  name: string;
  description: string;
  panel_count: number;
}

/** Every character in order, with its reference images and how many panels it appears in. */
export function listCharacterRows(db: Db): Character[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.position, c.name, c.description,
              (SELECT count(*) FROM panel_characters pc WHERE pc.character_id = c.id) AS panel_count
       FROM characters c ORDER BY c.position, c.id`,
    )
    .all() as CharacterRow[];
  const images = db.prepare('SELECT id, character_id, image_sha256 FROM character_images ORDER BY position, id').all() as {
    id: string;
    character_id: string;
    image_sha256: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    images: images.filter((i) => i.character_id === r.id).map((i) => ({ id: i.id, sha256: i.image_sha256 })),
    panelCount: r.panel_count,
  }));
}

export function characterExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM characters WHERE id = ?').get(id) !== undefined;
}

/** Ids of the characters in a panel (who is in the shot), in character order. */
export function panelCastIds(db: Db, panelId: string): string[] {
  return db
    .prepare(
      `SELECT pc.character_id FROM panel_characters pc JOIN characters c ON c.id = pc.character_id
       WHERE pc.panel_id = ? ORDER BY c.position, c.id`,
    )
    .pluck()
    .all(panelId) as string[];
}

export function nextPosition(db: Db, table: 'characters' | 'character_images' | 'style_references', where = '', ...args: unknown[]): number {
  const max = db.prepare(`SELECT max(position) FROM ${table} ${where}`).pluck().get(...args) as number | null;
  return (max ?? 0) + 1;
}

export function readStyleBible(db: Db): StyleBible {
  const json = db.prepare('SELECT style_bible FROM project WHERE id = 1').pluck().get() as string | undefined;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(json ?? '{}') as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const bible = { ...EMPTY_STYLE_BIBLE };
  for (const key of Object.keys(bible) as (keyof StyleBible)[]) if (typeof parsed[key] === 'string') bible[key] = parsed[key] as string;
  return bible;
}

export function listStyleReferences(db: Db): StyleReference[] {
  return (db.prepare('SELECT id, image_sha256, note FROM style_references ORDER BY position, id').all() as { id: string; image_sha256: string; note: string }[]).map(
    (r) => ({ id: r.id, imageSha256: r.image_sha256, note: r.note }),
  );
}
