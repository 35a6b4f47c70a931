/**
 * Large blob writes without page faults. SQLite copies a written image's bytes twice (the bound
 * parameter, then the record), each copy a fresh multi-megabyte malloc. glibc serves such blocks
 * from new mappings, or trims them off the heap when they are freed, so every image write used to
 * fault in some 1,400 fresh pages: 10 ms of a 2.7 MB variation's store on this class of machine
 * (bench/generation.bench.ts). glibc raises its mmap and trim thresholds when a large mapped block
 * is freed (mallopt(3), "dynamic mmap threshold"), so one 8 MB block, made and freed once per process
 * before its first large write, lets every later copy reuse heap memory. Under another C library it
 * is one allocation that changes nothing.
 */
import type Database from 'better-sqlite3';

const LARGE_BLOB_BYTES = 512 * 1024;
const WARM_BYTES = 8 * 1024 * 1024;
let warmed = false;

export function prepareForLargeBlob(db: Database.Database, bytes: number): void {
  if (warmed || bytes < LARGE_BLOB_BYTES) return;
  warmed = true;
  db.prepare('SELECT length(CAST(zeroblob(?) AS BLOB))').get(WARM_BYTES);
}
