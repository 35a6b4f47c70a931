import type { Migration } from './types';

/**
 * Each stored image's dominant colours (issue 15's palette strips), extracted once from its thumbnail
 * when it is stored (electron/core/insights/palette.ts). Derived data, like the thumbnail itself: not
 * part of undo, and without a foreign key to images (a reference would count as a use and keep unused
 * sketch composites from being collected); deleting an image deletes its palette (trigger). Images
 * stored before this version get theirs on the first insights request (palette-store.ts), since
 * extracting needs sharp, which is asynchronous, and a migration runs in one synchronous transaction.
 */
export const migration006: Migration = {
  version: 6,
  description: 'Dominant colours of each stored image (image_palettes)',
  up(db) {
    db.exec(`
      CREATE TABLE image_palettes (
        sha256   TEXT PRIMARY KEY,
        -- JSON array of {hex: "#rrggbb", weight: 0..1}, most covering first.
        swatches TEXT NOT NULL
      );
      CREATE TRIGGER images_delete_palette AFTER DELETE ON images BEGIN
        DELETE FROM image_palettes WHERE sha256 = OLD.sha256;
      END;
    `);
  },
};
