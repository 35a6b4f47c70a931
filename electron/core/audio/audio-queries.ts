import type { AudioClipInput, AudioTrack } from '../../../shared/domain/animatic';
import type { Db } from '../db/connection';
import type { PreparedAudio } from './audio-decode';

interface ClipRow {
  id: string;
  kind: 'track' | 'panel';
  track: string;
  panel_id: string | null;
  audio_sha256: string;
  start_ms: number;
  offset_ms: number;
  duration_ms: number | null;
  volume: number;
  muted: number;
  solo: number;
  file_duration_ms: number;
  source_name: string | null;
}

const CLIP_SELECT = `
  SELECT c.id, c.kind, c.track, c.panel_id, c.audio_sha256, c.start_ms, c.offset_ms, c.duration_ms, c.volume, c.muted, c.solo,
         b.duration_ms AS file_duration_ms, b.source_name
  FROM audio_clips c JOIN audio_blobs b ON b.sha256 = c.audio_sha256`;

function toClip(r: ClipRow): AudioClipInput {
  return {
    id: r.id, kind: r.kind, track: r.track as AudioTrack, panelId: r.panel_id, sha256: r.audio_sha256,
    startMs: r.start_ms, offsetMs: r.offset_ms, durationMs: r.duration_ms, fileDurationMs: r.file_duration_ms,
    volume: r.volume, muted: r.muted !== 0, solo: r.solo !== 0, sourceName: r.source_name,
  };
}

/** Every clip, soundtrack first, then by start time. */
export function listAudioClips(db: Db): AudioClipInput[] {
  return (db.prepare(`${CLIP_SELECT} ORDER BY c.kind DESC, c.start_ms, c.id`).all() as ClipRow[]).map(toClip);
}

export function getAudioClip(db: Db, id: string): AudioClipInput | undefined {
  const row = db.prepare(`${CLIP_SELECT} WHERE c.id = ?`).get(id) as ClipRow | undefined;
  return row && toClip(row);
}

/** Stores an audio file once by its SHA-256; storing the same bytes again is a no-op. Not part of undo. */
export function storeAudio(db: Db, a: PreparedAudio): void {
  db.prepare(
    `INSERT OR IGNORE INTO audio_blobs (sha256, mime, byte_size, duration_ms, data, waveform, source_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.sha256, a.mime, a.byteSize, a.durationMs, a.data, a.waveform, a.sourceName, new Date().toISOString());
}

export function readAudioBytes(db: Db, sha256: string): { mime: string; data: Buffer } | undefined {
  return db.prepare('SELECT mime, data FROM audio_blobs WHERE sha256 = ?').get(sha256) as { mime: string; data: Buffer } | undefined;
}

export function readWaveform(db: Db, sha256: string): { durationMs: number; waveform: Buffer | null } | undefined {
  const row = db.prepare('SELECT duration_ms, waveform FROM audio_blobs WHERE sha256 = ?').get(sha256) as
    | { duration_ms: number; waveform: Buffer | null }
    | undefined;
  return row && { durationMs: row.duration_ms, waveform: row.waveform };
}
