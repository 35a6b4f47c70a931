import type { Migration } from './types';

/**
 * Version 1 models the whole product, so later features add columns rather than rewrite tables.
 * Ids are TEXT (random, stable across reorders); `position` is REAL so a move rewrites one row.
 * Images and audio are stored once, by SHA-256 of their bytes.
 */
export const migration001: Migration = {
  version: 1,
  description: 'Initial schema: project, scenes, panels, media, generation, decisions, characters, audio',
  up(db) {
    db.exec(`
      CREATE TABLE project (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        title               TEXT NOT NULL,
        aspect_ratio        TEXT NOT NULL DEFAULT '16:9',
        fps                 REAL NOT NULL DEFAULT 24,
        default_duration_ms INTEGER NOT NULL DEFAULT 2000,
        style_notes         TEXT NOT NULL DEFAULT '',
        style_bible         TEXT NOT NULL DEFAULT '{}',
        created_at          TEXT NOT NULL,
        created_by_version  TEXT NOT NULL
      );

      CREATE TABLE images (
        sha256       TEXT PRIMARY KEY,
        mime         TEXT NOT NULL,
        width        INTEGER NOT NULL,
        height       INTEGER NOT NULL,
        byte_size    INTEGER NOT NULL,
        data         BLOB NOT NULL,
        thumb        BLOB NOT NULL,
        thumb_mime   TEXT NOT NULL,
        thumb_width  INTEGER NOT NULL,
        thumb_height INTEGER NOT NULL,
        source_name  TEXT,
        created_at   TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE scenes (
        id         TEXT PRIMARY KEY,
        position   REAL NOT NULL,
        heading    TEXT NOT NULL DEFAULT '',
        synopsis   TEXT NOT NULL DEFAULT '',
        color      TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX scenes_by_position ON scenes(position);

      CREATE TABLE panels (
        id                   TEXT PRIMARY KEY,
        scene_id             TEXT NOT NULL REFERENCES scenes(id),
        position             REAL NOT NULL,
        shot_number_override TEXT,
        duration_ms          INTEGER NOT NULL,
        shot_size            TEXT,
        angle                TEXT,
        lens_mm              REAL,
        camera_move          TEXT,
        camera_framing       TEXT,
        action               TEXT NOT NULL DEFAULT '',
        dialogue             TEXT NOT NULL DEFAULT '',
        sound                TEXT NOT NULL DEFAULT '',
        transition           TEXT,
        transition_ms        INTEGER,
        notes                TEXT NOT NULL DEFAULT '',
        status               TEXT NOT NULL DEFAULT 'draft',
        tags                 TEXT NOT NULL DEFAULT '[]',
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      );
      CREATE INDEX panels_by_scene ON panels(scene_id, position);

      -- A panel's picture is a stack of layers: the image (drawn or generated) and the sketch strokes over it.
      CREATE TABLE panel_layers (
        id           TEXT PRIMARY KEY,
        panel_id     TEXT NOT NULL REFERENCES panels(id),
        kind         TEXT NOT NULL CHECK (kind IN ('image', 'sketch')),
        position     REAL NOT NULL,
        image_sha256 TEXT REFERENCES images(sha256),
        strokes      TEXT,
        opacity      REAL NOT NULL DEFAULT 1,
        visible      INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX panel_layers_by_panel ON panel_layers(panel_id, kind);

      CREATE TABLE characters (
        id          TEXT PRIMARY KEY,
        position    REAL NOT NULL,
        name        TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );
      CREATE TABLE character_images (
        id           TEXT PRIMARY KEY,
        character_id TEXT NOT NULL REFERENCES characters(id),
        image_sha256 TEXT NOT NULL REFERENCES images(sha256),
        position     REAL NOT NULL
      );
      CREATE TABLE panel_characters (
        panel_id     TEXT NOT NULL REFERENCES panels(id),
        character_id TEXT NOT NULL REFERENCES characters(id),
        PRIMARY KEY (panel_id, character_id)
      ) WITHOUT ROWID;
      CREATE TABLE style_references (
        id           TEXT PRIMARY KEY,
        image_sha256 TEXT NOT NULL REFERENCES images(sha256),
        note         TEXT NOT NULL DEFAULT '',
        position     REAL NOT NULL
      );

      -- Every prompt sent is kept as a version; parent_id records its lineage.
      CREATE TABLE prompt_versions (
        id         TEXT PRIMARY KEY,
        panel_id   TEXT REFERENCES panels(id),
        parent_id  TEXT REFERENCES prompt_versions(id),
        text       TEXT NOT NULL,
        negative   TEXT NOT NULL DEFAULT '',
        params     TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      CREATE INDEX prompt_versions_by_panel ON prompt_versions(panel_id, created_at);

      CREATE TABLE generation_jobs (
        id                TEXT PRIMARY KEY,
        panel_id          TEXT REFERENCES panels(id),
        prompt_version_id TEXT REFERENCES prompt_versions(id),
        provider          TEXT NOT NULL,
        model             TEXT,
        count             INTEGER NOT NULL DEFAULT 1,
        params            TEXT NOT NULL DEFAULT '{}',
        status            TEXT NOT NULL,
        attempts          INTEGER NOT NULL DEFAULT 0,
        error_code        TEXT,
        error_message     TEXT,
        created_at        TEXT NOT NULL,
        started_at        TEXT,
        finished_at       TEXT
      );
      CREATE INDEX generation_jobs_by_status ON generation_jobs(status);

      CREATE TABLE variations (
        id                TEXT PRIMARY KEY,
        panel_id          TEXT NOT NULL REFERENCES panels(id),
        job_id            TEXT REFERENCES generation_jobs(id),
        prompt_version_id TEXT REFERENCES prompt_versions(id),
        image_sha256      TEXT NOT NULL REFERENCES images(sha256),
        provider          TEXT NOT NULL,
        model             TEXT,
        seed              INTEGER,
        params            TEXT NOT NULL DEFAULT '{}',
        elapsed_ms        INTEGER,
        usage             TEXT,
        cost_usd          REAL,
        created_at        TEXT NOT NULL
      );
      CREATE INDEX variations_by_panel ON variations(panel_id, created_at);

      -- The creative decision log: the filmmaker's own dataset.
      CREATE TABLE decisions (
        id         TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        panel_id   TEXT,
        scene_id   TEXT,
        kind       TEXT NOT NULL,
        field      TEXT,
        old_value  TEXT,
        new_value  TEXT,
        note       TEXT NOT NULL DEFAULT '',
        data       TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX decisions_by_panel ON decisions(panel_id, created_at);

      CREATE TABLE audio_blobs (
        sha256      TEXT PRIMARY KEY,
        mime        TEXT NOT NULL,
        byte_size   INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        data        BLOB NOT NULL,
        waveform    BLOB,
        source_name TEXT,
        created_at  TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE audio_clips (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('track', 'panel')),
        track       TEXT NOT NULL DEFAULT 'music',
        panel_id    TEXT REFERENCES panels(id),
        audio_sha256 TEXT NOT NULL REFERENCES audio_blobs(sha256),
        start_ms    INTEGER NOT NULL DEFAULT 0,
        offset_ms   INTEGER NOT NULL DEFAULT 0,
        duration_ms INTEGER,
        volume      REAL NOT NULL DEFAULT 1,
        muted       INTEGER NOT NULL DEFAULT 0,
        solo        INTEGER NOT NULL DEFAULT 0
      );

      -- Undo history lives in the file, so an edit made by the CLI can be undone in the app.
      CREATE TABLE history (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        label      TEXT NOT NULL,
        changes    TEXT NOT NULL,
        undone     INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
