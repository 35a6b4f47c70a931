/**
 * Web-mode upload benchmark (issue 11, item 2): the memory an N MB upload costs the server.
 * The server runs in a child process of its own (so the client's buffers are not counted) and reports
 * its RSS high-water mark (Linux VmHWM, reset before each upload) and its ArrayBuffer memory (sampled
 * every 2 ms); the client streams N MB from one reused 1 MB chunk.
 *   1. POST /upload/image with a Content-Length (the browser's fetch(file) sends one): peak RSS over
 *      the idle server's RSS (taken after a GC before the first upload), and peak ArrayBuffer memory
 *      over the amount right before the upload;
 *   2. the same body chunked (no Content-Length): chunks are joined at the end, 2 x N at the peak.
 * Between runs the upload is used (panels.setImage on bytes that are no image: refused, and dropped).
 * Prints human-readable lines, then one JSON line (the last line). Figures are medians over runs.
 *
 * Env: BENCH_UPLOAD_MB (100) BENCH_RUNS (5)
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startWebServer } from '../electron/web/server';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const MB = 1024 * 1024;
const UPLOAD_MB = env('BENCH_UPLOAD_MB', 100);
const RUNS = env('BENCH_RUNS', 5);
const TARGETS = { rssPerUploadedByte: 2, arrayBuffersPerUploadedByte: 2 };

const log = (line = '') => process.stdout.write(`${line}\n`);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type Sample = { rss: number; arrayBuffers: number; heapUsed: number };
type ToChild = { cmd: 'baseline' } | { cmd: 'peak' };
type FromChild = { ready: { port: number; token: string } } | { baseline: true } | { peak: Sample };

/** The child: a web server that reports how far its memory rose above a baseline. */
async function serve(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-upload-'));
  const rendererDir = path.join(home, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const server = await startWebServer({ rendererDir, settingsDir: path.join(home, 'settings'), projectsDir: path.join(home, 'projects') });
  const read = (): Sample => {
    const m = process.memoryUsage();
    return { rss: m.rss, arrayBuffers: m.arrayBuffers, heapUsed: m.heapUsed };
  };
  // Linux keeps the true RSS high-water mark (VmHWM), peaks inside synchronous code included; writing
  // 5 to clear_refs resets it. Elsewhere the 2 ms samples stand in.
  const status = (field: string) => {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  };
  const resetHighWater = () => {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  };
  let base = read();
  let peak = read();
  /** RSS of the idle server, before any upload: freed pages the allocator keeps would hide growth otherwise. */
  let idleRss: number | null = null;
  const sample = () => {
    const m = read();
    peak = { rss: Math.max(peak.rss, m.rss), arrayBuffers: Math.max(peak.arrayBuffers, m.arrayBuffers), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
  };
  setInterval(sample, 2).unref();
  const send = (m: FromChild) => process.send!(m);
  process.on('message', (m: ToChild) => {
    if (m.cmd === 'baseline') {
      gc();
      resetHighWater();
      base = read();
      idleRss ??= base.rss;
      base.rss = idleRss;
      peak = { ...base };
      send({ baseline: true });
    } else {
      sample();
      const hwm = status('VmHWM');
      if (hwm !== null) peak.rss = Math.max(peak.rss, hwm);
      send({ peak: { rss: peak.rss - base.rss, arrayBuffers: peak.arrayBuffers - base.arrayBuffers, heapUsed: peak.heapUsed - base.heapUsed } });
    }
  });
  process.on('disconnect', () => void server.close().then(() => fs.rmSync(home, { recursive: true, force: true })).finally(() => process.exit(0)));
  send({ ready: { port: server.port, token: server.token } });
}

function ask(child: ChildProcess, m: ToChild): Promise<FromChild> {
  return new Promise((resolve) => {
    child.once('message', (answer: FromChild) => resolve(answer));
    child.send(m);
  });
}

/** POSTs `bytes` bytes (one reused chunk) and answers the parsed JSON reply. */
function post(port: number, token: string, target: string, type: string, body: { bytes: number } | string, chunked = false): Promise<any> {
  return new Promise((resolve, reject) => {
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.bytes;
    const headers: Record<string, string> = { 'X-Boardwright-Token': token, 'Content-Type': type };
    if (!chunked) headers['Content-Length'] = String(size);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    if (typeof body === 'string') return void req.end(body);
    const chunk = Buffer.alloc(MB, 0x5a);
    let left = size;
    const pump = () => {
      while (left > 0) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const child = fork(__filename, [], { env: { ...process.env, BENCH_ROLE: 'server' }, execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = (await new Promise<FromChild>((resolve) => child.once('message', resolve))) as { ready: { port: number; token: string } };
  const { port, token } = ready.ready;
  const api = (method: string, input: unknown) => post(port, token, `/api/${method}`, 'application/json', JSON.stringify(input));
  await api('project.new', { title: 'Upload bench' });
  const scene = (await api('scenes.create', {})).value;
  const panel = (await api('panels.create', { sceneId: scene.id })).value;

  const bytes = UPLOAD_MB * MB;
  const measure = async (chunked: boolean) => {
    const runs: (Sample & { ms: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      await ask(child, { cmd: 'baseline' });
      const t0 = performance.now();
      const receipt = await post(port, token, '/upload/image', 'application/octet-stream', { bytes }, chunked);
      const ms = performance.now() - t0;
      if (!receipt.ok || receipt.value.bytes !== bytes) throw new Error(`upload failed: ${JSON.stringify(receipt)}`);
      const { peak } = (await ask(child, { cmd: 'peak' })) as { peak: Sample };
      runs.push({ ...peak, ms });
      // Use the upload so the store lets go of it: the bytes are no image, so nothing is added.
      const used = await api('panels.setImage', { panelId: panel.id, fileName: 'x.png', uploadId: receipt.value.uploadId });
      if (used.ok || used.error.code !== 'NOT_AN_IMAGE') throw new Error(`unexpected answer: ${JSON.stringify(used)}`);
    }
    return {
      rssMB: round(median(runs.map((r) => r.rss)) / MB, 1),
      arrayBuffersMB: round(median(runs.map((r) => r.arrayBuffers)) / MB, 1),
      heapMB: round(median(runs.map((r) => r.heapUsed)) / MB, 1),
      rssRunsMB: runs.map((r) => round(r.rss / MB, 1)),
      mbPerS: round(UPLOAD_MB / (median(runs.map((r) => r.ms)) / 1000), 0),
    };
  };
  const sized = await measure(false);
  const chunked = await measure(true);
  child.disconnect();

  const result = {
    bench: 'web-upload',
    uploadMB: UPLOAD_MB,
    runs: RUNS,
    rssPeakGrowthMB: sized.rssMB,
    arrayBuffersPeakGrowthMB: sized.arrayBuffersMB,
    heapPeakGrowthMB: sized.heapMB,
    rssPerUploadedByte: round(sized.rssMB / UPLOAD_MB),
    arrayBuffersPerUploadedByte: round(sized.arrayBuffersMB / UPLOAD_MB),
    rssRunsMB: sized.rssRunsMB,
    uploadMBps: sized.mbPerS,
    chunkedRssPeakGrowthMB: chunked.rssMB,
    chunkedArrayBuffersPeakGrowthMB: chunked.arrayBuffersMB,
    chunkedRssPerUploadedByte: round(chunked.rssMB / UPLOAD_MB),
    pass: {} as Record<string, boolean>,
    totalS: 0,
  };
  for (const k of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) result.pass[k] = result[k] <= TARGETS[k];
  const mark = (k: keyof typeof TARGETS) => (result.pass[k] ? 'ok  ' : 'MISS');
  log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  log(`[${mark('rssPerUploadedByte')}] ${UPLOAD_MB} MB upload with Content-Length: server RSS peak +${sized.rssMB} MB (${result.rssPerUploadedByte} x N; runs ${sized.rssRunsMB.join(', ')}), median of ${RUNS}   target <= ${TARGETS.rssPerUploadedByte} x N`);
  log(`[${mark('arrayBuffersPerUploadedByte')}] ArrayBuffer memory peak +${sized.arrayBuffersMB} MB (${result.arrayBuffersPerUploadedByte} x N), JS heap +${sized.heapMB} MB; ${sized.mbPerS} MB/s   target <= ${TARGETS.arrayBuffersPerUploadedByte} x N`);
  log(`       chunked (no Content-Length): RSS peak +${chunked.rssMB} MB (${result.chunkedRssPerUploadedByte} x N; runs ${chunked.rssRunsMB.join(', ')}), ArrayBuffers +${chunked.arrayBuffersMB} MB`);
  result.totalS = round((Date.now() - started) / 1000, 1);
  log(`Total ${result.totalS} s`);
  log(JSON.stringify(result));
}

if (process.env.BENCH_ROLE === 'server') void serve();
else
  main().catch((e) => {
    process.stderr.write(`web-upload bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
