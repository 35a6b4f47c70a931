import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServer } from '../../electron/web/server';
import { fuzzCase, seeded, type FuzzTarget } from './web-fuzz-cases';
import { rawRequest, startBareServer } from './web-raw';

/** BW_FUZZ_SEED / BW_FUZZ_CASES run other or more cases; the defaults are what the suite runs. */
const SEED = Number(process.env.BW_FUZZ_SEED ?? 20261205);
const CASES = Number(process.env.BW_FUZZ_CASES ?? 2000);
const BATCH = 50;

describe('web mode request fuzzer', () => {
  let server: WebServer;
  const logged: string[] = [];

  beforeAll(async () => {
    server = await startBareServer('bw-web-fuzz-', logged);
  });
  afterAll(() => server.close());

  const api = async (method: string, input: unknown = {}) => {
    const body = JSON.stringify(input);
    const head = `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Boardwright-Token: ${server.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const r = await rawRequest(server.port, head, [body]);
    expect(r.status).toBe(200);
    return JSON.parse(r.body) as { ok: boolean; value?: any; error?: { code: string } };
  };

  /** The server still serves a good request, and the board has panels for the next batch to aim at. */
  const checkAlive = async (target: FuzzTarget) => {
    const page = await rawRequest(server.port, `GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: bw_token=${server.token}\r\nConnection: close\r\n\r\n`);
    expect(page.status).toBe(200);
    let board = await api('board.get');
    expect(board.ok).toBe(true);
    if (board.value.scenes.flatMap((s: { panels: unknown[] }) => s.panels).length < 3) {
      const scene = (await api('scenes.create')).value;
      for (let i = 0; i < 3; i++) await api('panels.create', { sceneId: scene.id });
      board = await api('board.get');
    }
    target.ids = board.value.scenes.flatMap((s: { id: string; panels: { id: string }[] }) => [s.id, ...s.panels.map((p) => p.id)]);
  };

  it('answers every request it can, gives no 2xx without the token, never 500s, and never dies', { timeout: 180_000 }, async () => {
    expect((await api('project.new', { title: 'Fuzz' })).ok).toBe(true);
    const target: FuzzTarget = { port: server.port, token: server.token, ids: [] };
    await checkAlive(target);
    const rng = seeded(SEED);
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    let succeeded = 0;
    for (let i = 0; i < CASES; i++) {
      const c = fuzzCase(rng, target);
      // giveUpMs only turns a hang into a reported failure; no answer is expected to take long.
      const a = await rawRequest(server.port, c.head, c.body, { endAfter: !c.complete, headOnly: true, giveUpMs: 20_000 });
      const key = a.status === null ? 'closed' : String(a.status);
      if (a.body.startsWith('{"ok":true')) succeeded++;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (a.gaveUp) failures.push(`#${i} neither answered nor closed: ${c.label}`);
      else if (c.complete && a.status === null) failures.push(`#${i} closed without an answer: ${c.label}`);
      if (!c.authorised && a.status !== null && a.status >= 200 && a.status < 300) failures.push(`#${i} ${a.status} without the token: ${c.label}`);
      if (a.status !== null && a.status >= 500 && a.status !== 503) failures.push(`#${i} ${a.status}: ${c.label}`);
      if ((i + 1) % BATCH === 0) await checkAlive(target);
    }
    await checkAlive(target);
    const summary = [...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(`web fuzz: ${CASES} cases tried (seed ${SEED}); answers ${summary}; ${succeeded} calls got past validation and succeeded`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(logged.filter((l) => !/ failed: CoreError/.test(l)).slice(0, 5)).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Bad input never costs data: the project file is whole.
    expect(server.session.project!.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });
});
