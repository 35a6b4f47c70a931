import type { Migration } from './types';

/**
 * A panel with sketch strokes (or a faded image) gets a flattened composite: its image, at the image
 * layer's opacity, with the strokes drawn over it. Thumbnails and exports use it; the image itself is
 * left untouched. NULL when the panel has nothing to flatten.
 */
export const migration002: Migration = {
  version: 2,
  description: 'panels.composite_sha256: the flattened image of a sketched panel',
  up(db) {
    db.exec('ALTER TABLE panels ADD COLUMN composite_sha256 TEXT REFERENCES images(sha256)');
  },
};
