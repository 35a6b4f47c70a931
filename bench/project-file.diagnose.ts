/**
 * Explains the project-file bench figures on a kept bench project, one knob at a time. Not run by
 * `npm run bench` (only *.bench.ts are); scripts/bench.mjs bundles it to dist/bench/ alongside them.
 *
 *   BENCH_KEEP=1 npm run bench                      # prints "Kept <file>"
 *   node dist/bench/project-file.diagnose.cjs <file> [--sample assets/sample.boardwright]
 *
 * Works on a copy; the kept file is not modified.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { Project } from '../electron/core/project';
import { movePanels, requirePanel, updatePanels } from '../electron/core/commands/panel-commands';
import { listPanelRows, listScenePanelRows } from '../electron/core/queries/panel-queries';
import { needsRenumber, positionsBetween } from '../electron/core/board/positions';
import type { ChangeRecorder } from '../electron/core/history/recorder';
import type { Row } from '../electron/core/history/changes';
import { buildAtlas, makeImage, mulberry32 } from './lib/images';

const log = (line = '') => process.stdout.write(`${line}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const f2 = (n: number) => n.toFixed(2).padStart(7);
const stats = (xs: number[]) => `p50 ${f2(pct(xs, 50))}  p90 ${f2(pct(xs, 90))}  p99 ${f2(pct(xs, 99))}  max ${f2(pct(xs, 100))} ms`;

function copyProject(src: string, dest: string): void {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dest + s, { force: true });
  fs.copyFileSync(src, dest);
}

interface Variant {
  name: string;
  setup: (db: Database.Database) => void;
}

const VARIANTS: Variant[] = [
  { name: 'as shipped (synchronous=FULL, wal_autocheckpoint=1000)', setup: () => {} },
  { name: 'wal_autocheckpoint=0 (no checkpoint inside a commit)', setup: (db) => db.pragma('wal_autocheckpoint = 0') },
  { name: 'synchronous=NORMAL (no fsync per commit in WAL)', setup: (db) => db.pragma('synchronous = NORMAL') },
  { name: 'synchronous=OFF + no autocheckpoint (CPU only)', setup: (db) => { db.pragma('synchronous = OFF'); db.pragma('wal_autocheckpoint = 0'); } },
];

type EditFn = (project: Project, id: string, patch: { durationMs?: number; notes?: string }) => void;
const shippedEdit: EditFn = (project, id, patch) => {
  updatePanels(project, [id], patch);
};
/** The same committed change and undo record, without the label's and the result's project.panel() reads. */
const leanEdit: EditFn = (project, id, patch) => {
  requirePanel(project, id);
  const row: Row = patch.notes !== undefined ? { notes: patch.notes } : { duration_ms: patch.durationMs! };
  project.edit('Edit panel', (rec) => {
    const before = rec.changes.length;
    rec.update('panels', { id }, row);
    if (rec.changes.length > before) rec.update('panels', { id }, { updated_at: new Date().toISOString() });
  });
};

function editRun(project: Project, ids: string[], n: number, seed: number, edit: EditFn = shippedEdit): number[] {
  const r = mulberry32(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[(r() * ids.length) | 0];
    const t0 = now();
    edit(project, id, i % 2 ? { durationMs: 1000 + ((r() * 4000) | 0) } : { notes: `diagnose ${seed} ${i}` });
    out.push(now() - t0);
  }
  return out;
}

/**
 * PROTOTYPE of the proposed core change, for measurement only: movePanels as shipped, except that the
 * moved ids are put in board order by one small query instead of reading the whole board.
 */
function movePanelsTargeted(project: Project, ids: string[], sceneId: string, index: number): void {
  project.requireScene(sceneId);
  for (const id of ids) requirePanel(project, id);
  const wanted = new Set(ids);
  const ordered = project.db
    .prepare(
      `SELECT p.id FROM panels p JOIN scenes s ON s.id = p.scene_id WHERE p.id IN (SELECT value FROM json_each(?))
       ORDER BY s.position, s.id, p.position, p.id`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  const label = ids.length === 1 ? `Move panel ${project.panel(ids[0]).shotNumber}` : `Move ${ids.length} panels`;
  project.edit(label, (rec: ChangeRecorder) => {
    const list = () => listScenePanelRows(project.db, sceneId).filter((p) => !wanted.has(p.id));
    let rows = list();
    const i = Math.min(index, rows.length);
    if (needsRenumber(rows[i - 1]?.position, rows[i]?.position, ordered.length)) {
      rows.forEach((r, n) => rec.update('panels', { id: r.id }, { position: n + 1 }));
      rows = list();
    }
    const positions = positionsBetween(rows[i - 1]?.position, rows[i]?.position, ordered.length);
    ordered.forEach((id, n) => rec.update('panels', { id }, { scene_id: sceneId, position: positions[n] }));
  });
}

function moveRun(
  project: Project,
  ids: string[],
  sceneIds: string[],
  n: number,
  seed: number,
  move: (p: Project, ids: string[], sceneId: string, index: number) => void = movePanels,
): number[] {
  const r = mulberry32(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[(r() * ids.length) | 0];
    const t0 = now();
    move(project, [id], sceneIds[(r() * sceneIds.length) | 0], (r() * 50) | 0);
    out.push(now() - t0);
  }
  return out;
}

async function thumbVariants(inputs: { label: string; images: Buffer[] }[]): Promise<void> {
  const variants: { name: string; run: (b: Buffer) => Promise<Buffer> }[] = [
    { name: 'webp 480 q72 (current)', run: (b) => sharp(b).rotate().resize(480, 480, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 72 }).toBuffer() },
    { name: 'webp 480 q60', run: (b) => sharp(b).rotate().resize(480, 480, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 60 }).toBuffer() },
    { name: 'webp 400 q60', run: (b) => sharp(b).rotate().resize(400, 400, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 60 }).toBuffer() },
    { name: 'webp 360 q65', run: (b) => sharp(b).rotate().resize(360, 360, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 65 }).toBuffer() },
    { name: 'webp 320 q72', run: (b) => sharp(b).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 72 }).toBuffer() },
    { name: 'webp 320 q60', run: (b) => sharp(b).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 60 }).toBuffer() },
    { name: 'avif 480 q45 effort 2', run: (b) => sharp(b).rotate().resize(480, 480, { fit: 'inside', withoutEnlargement: true }).avif({ quality: 45, effort: 2 }).toBuffer() },
  ];
  for (const input of inputs) {
    const orig = input.images.reduce((s, b) => s + b.length, 0);
    log(`  ${input.label}: ${input.images.length} images, ${(orig / input.images.length / 1024).toFixed(1)} KB average original`);
    for (const v of variants) {
      const t0 = now();
      let bytes = 0;
      for (const b of input.images) bytes += (await v.run(b)).length;
      const ms = (now() - t0) / input.images.length;
      log(`    ${v.name.padEnd(24)} ${(bytes / input.images.length / 1024).toFixed(1).padStart(6)} KB  = ${((100 * bytes) / orig).toFixed(2).padStart(5)}% of originals   ${ms.toFixed(1)} ms/thumb`);
    }
  }
}

/** Bytes the images table takes at other page sizes: its rows copied into fresh files. */
function pageSizeExperiment(src: string, dir: string, limit: number): void {
  for (const pageSize of [1024, 4096, 8192, 16384, 65536]) {
    const f = path.join(dir, `pages-${pageSize}.db`);
    fs.rmSync(f, { force: true });
    const db = new Database(f);
    db.pragma(`page_size = ${pageSize}`);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`CREATE TABLE images (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
      byte_size INTEGER NOT NULL, thumb_mime TEXT NOT NULL, thumb_width INTEGER NOT NULL, thumb_height INTEGER NOT NULL,
      source_name TEXT, created_at TEXT NOT NULL, thumb BLOB NOT NULL);
      CREATE TABLE image_data (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL)`);
    db.exec(`ATTACH '${src.replace(/'/g, "''")}' AS src`);
    db.exec(`INSERT INTO images SELECT * FROM src.images ORDER BY sha256 LIMIT ${limit}`);
    db.exec('INSERT INTO image_data SELECT d.* FROM src.image_data d JOIN images i ON i.sha256 = d.sha256');
    const payload = db.prepare('SELECT (SELECT sum(length(data)) FROM image_data) + sum(length(thumb)) AS b, count(*) AS n FROM images').get() as { b: number; n: number };
    db.exec('DETACH src');
    db.close();
    const size = fs.statSync(f).size;
    log(`    page_size ${String(pageSize).padStart(5)}: ${((size - payload.b) / payload.n / 1024).toFixed(2).padStart(6)} KB per image beyond its bytes (${(((size - payload.b) / payload.b) * 100).toFixed(2)}% of image + thumb bytes)`);
    fs.rmSync(f, { force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const src = args.find((a) => !a.startsWith('--'));
  const sampleArg = args.indexOf('--sample');
  const sample = sampleArg >= 0 ? args[sampleArg + 1] : path.resolve('assets/sample.boardwright');
  if (!src || !fs.existsSync(src)) {
    process.stderr.write('Usage: node dist/bench/project-file.diagnose.cjs <kept-bench.boardwright> [--sample <file>]\n  (BENCH_KEEP=1 npm run bench keeps one)\n');
    process.exit(2);
  }
  const dir = path.dirname(path.resolve(src));
  const work = path.join(dir, 'diagnose-copy.boardwright');
  copyProject(src, work);

  // --- Reads inside every edit ------------------------------------------------------------------
  let project = Project.open(work);
  const board = project.board();
  const ids = board.scenes.flatMap((s) => s.panels.map((p) => p.id));
  const sceneIds = board.scenes.map((s) => s.id);
  log(`Diagnosing ${ids.length} panels in ${sceneIds.length} scenes (copy of ${src})`);
  log('');
  const reads: number[] = [];
  const whole: number[] = [];
  const boardMs: number[] = [];
  for (let i = 0; i < 60; i++) {
    let t0 = now();
    project.panel(ids[(i * 37) % ids.length]);
    reads.push(now() - t0);
    t0 = now();
    listPanelRows(project.db);
    whole.push(now() - t0);
    t0 = now();
    project.board();
    boardMs.push(now() - t0);
  }
  const targeted = project.db.prepare(
    `SELECT p.id FROM panels p JOIN scenes s ON s.id = p.scene_id WHERE p.id IN (SELECT value FROM json_each(?))
     ORDER BY s.position, s.id, p.position, p.id`,
  );
  const tq: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = now();
    targeted.all(JSON.stringify([ids[(i * 53) % ids.length]]));
    tq.push(now() - t0);
  }
  log('Reads (ms, 60 runs):');
  log(`  project.panel(id)  (twice per updatePanels, once per movePanels) ${stats(reads)}`);
  log(`  listPanelRows(db)  (whole board, once per movePanels)           ${stats(whole)}`);
  log(`  project.board()    (for comparison)                              ${stats(boardMs)}`);
  log(`  board-order of just the moved ids (json_each + PK lookups)       ${stats(tq)}`);
  const histPlan = project.db.prepare('EXPLAIN QUERY PLAN DELETE FROM history WHERE undone = 1').all() as { detail: string }[];
  const histRows = project.db.prepare('SELECT count(*) AS n, sum(length(changes)) AS b FROM history').get() as { n: number; b: number };
  const hd: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = now();
    project.db.prepare('SELECT count(*) FROM history WHERE undone = 1').get();
    hd.push(now() - t0);
  }
  log(`  history scan for undone rows (pushHistory, every edit): ${histPlan.map((p) => p.detail).join('; ')}; ${histRows.n} rows, ${(histRows.b / 1024).toFixed(0)} KB; ${stats(hd)}`);
  project.close();

  // --- The board query: what its time goes to (on a scratch copy; indexes added here only) -------
  log('');
  log('Board query variants (ms, 30 runs each, min / median):');
  project = Project.open(work);
  const db = project.db;
  const cols = `p.id, p.scene_id, p.position, p.shot_number_override, p.duration_ms, p.shot_size, p.angle, p.lens_mm,
    p.camera_move, p.action, p.dialogue, p.sound, p.transition, p.notes, p.status, p.tags`;
  const order = 'JOIN scenes s ON s.id = p.scene_id ORDER BY s.position, s.id, p.position, p.id';
  const sub = `(SELECT l.image_sha256 FROM panel_layers l WHERE l.panel_id = p.id AND l.kind = 'image' ORDER BY l.position LIMIT 1)`;
  const queryTime = (label: string, sql: string) => {
    const st = db.prepare(sql);
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = now();
      st.all();
      xs.push(now() - t0);
    }
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail);
    log(`  ${label.padEnd(58)} ${f2(Math.min(...xs))} / ${f2(pct(xs, 50))}   ${plan.filter((d) => /TEMP|SCAN/.test(d)).join('; ')}`);
  };
  queryTime('as shipped (columns + image subquery)', `SELECT ${cols}, ${sub} AS image_sha256 FROM panels p ${order}`);
  queryTime('without the image subquery', `SELECT ${cols} FROM panels p ${order}`);
  queryTime('ids only, same order', `SELECT p.id FROM panels p ${order}`);
  db.exec('CREATE INDEX diag_layers_image ON panel_layers(panel_id, kind, position, image_sha256)');
  queryTime('+ index panel_layers(panel_id, kind, position, image_sha256)', `SELECT ${cols}, ${sub} AS image_sha256 FROM panels p ${order}`);
  db.exec('DROP INDEX diag_layers_image');
  project.close();

  // --- What one WAL checkpoint costs when it lands inside a commit ------------------------------
  log('');
  log('WAL growth and checkpoint cost (wal_autocheckpoint=0, manual PASSIVE checkpoint every 100 edits):');
  copyProject(src, work);
  project = Project.open(work);
  project.db.pragma('wal_autocheckpoint = 0');
  const pageSize = project.db.pragma('page_size', { simple: true }) as number;
  const walBytes = () => (fs.existsSync(`${work}-wal`) ? fs.statSync(`${work}-wal`).size : 0);
  for (let k = 0; k < 4; k++) {
    const w0 = walBytes();
    editRun(project, ids, 100, 500 + k);
    const frames = (walBytes() - w0) / (pageSize + 24);
    const t0 = now();
    const res = project.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    log(`  100 edits grew the WAL by ${frames.toFixed(0)} frames (${(frames / 100).toFixed(1)} pages per edit); checkpointing ${res[0].checkpointed} frames took ${(now() - t0).toFixed(1)} ms`);
    project.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  project.close();

  // --- The proposed movePanels change, measured against the shipped one --------------------------
  log('');
  log('movePanels as shipped vs the prototype above (100 moves each, alternating, as-shipped connection settings):');
  for (let round = 0; round < 2; round++) {
    for (const [label, fn] of [['as shipped', movePanels], ['prototype: targeted order query', movePanelsTargeted]] as const) {
      copyProject(src, work);
      project = Project.open(work);
      project.board();
      const m = moveRun(project, ids, sceneIds, 100, 300 + round, fn);
      const check = project.board().scenes.reduce((n, sc) => n + sc.panels.length, 0);
      project.close();
      log(`  [${round + 1}] ${label.padEnd(34)} ${stats(m)}${check === ids.length ? '' : `  (panel count changed: ${check})`}`);
    }
  }

  log('');
  log('updatePanels vs the bare transaction (400 edits each, alternating; CPU-only connection: synchronous=OFF, no autocheckpoint):');
  for (let round = 0; round < 2; round++) {
    for (const [label, fn] of [['updatePanels as shipped', shippedEdit], ['transaction only (no panel() reads)', leanEdit]] as const) {
      copyProject(src, work);
      project = Project.open(work);
      project.db.pragma('synchronous = OFF');
      project.db.pragma('wal_autocheckpoint = 0');
      project.board();
      const e = editRun(project, ids, 400, 700 + round, fn);
      project.close();
      log(`  [${round + 1}] ${label.padEnd(38)} ${stats(e)}`);
    }
  }

  // --- Edits and moves, one knob at a time ------------------------------------------------------
  log('');
  log('updatePanels x 400 and movePanels x 100 per variant (same command, one connection setting changed):');
  for (let round = 0; round < 2; round++) {
    for (const [vi, v] of VARIANTS.entries()) {
      copyProject(src, work);
      project = Project.open(work);
      v.setup(project.db);
      project.board();
      const e = editRun(project, ids, 400, 11 + round * 10 + vi);
      const m = moveRun(project, ids, sceneIds, 100, 97 + round * 10 + vi);
      project.close();
      log(`  [${round + 1}] ${v.name}`);
      log(`      edit ${stats(e)}`);
      log(`      move ${stats(m)}`);
    }
  }

  // --- Size: thumbnails and page size -----------------------------------------------------------
  log('');
  log('Thumbnail encodings (same resize as prepareImage: rotate, fit inside the box, no enlargement):');
  const atlas = buildAtlas();
  const benchImages: Buffer[] = [];
  for (let i = 0; i < 60; i++) benchImages.push(await makeImage(atlas, 100_000 + i * 31));
  const inputs = [{ label: 'bench images (1280x536 JPEG q85)', images: benchImages }];
  if (fs.existsSync(sample)) {
    const tmp = path.join(dir, 'diagnose-sample.boardwright');
    copyProject(sample, tmp);
    const db = new Database(tmp, { readonly: true });
    inputs.push({ label: `sample drawings (${path.basename(sample)})`, images: (db.prepare('SELECT data FROM image_data').pluck().all() as Buffer[]) });
    db.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(tmp + s, { force: true });
  }
  await thumbVariants(inputs);
  log('');
  log('Page size: 500 image rows (original + thumb blobs) copied into a fresh images table:');
  pageSizeExperiment(src, dir, 500);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
