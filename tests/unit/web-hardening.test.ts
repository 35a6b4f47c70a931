import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebServer } from '../../electron/web/server';
import { makePng } from './helpers';
import { rawRequest, startBareServer } from './web-raw';

/** Issue 11, item 1 (any request gets an HTTP answer, none ends the process) and item 2 (413s). */
describe('web mode server: hostile and broken requests', () => {
  let server: WebServer;
  const logged: string[] = [];

  beforeAll(async () => {
    server = await startBareServer('bw-web-hard-', logged);
  });
  afterAll(() => server.close());

  const host = () => `Host: 127.0.0.1:${server.port}\r\n`;
  const auth = () => `X-Boardwright-Token: ${server.token}\r\n`;
  /** A good, authorised request still works: the process is alive and serving. */
  const stillServes = async () => expect((await rawRequest(server.port, `GET /index.html HTTP/1.1\r\n${host()}${auth()}Connection: close\r\n\r\n`)).status).toBe(200);
  const post = (target: string, headers: string) => `POST ${target} HTTP/1.1\r\n${host()}${headers}`;

  it('answers a malformed token cookie with 403, with or without another token', async () => {
    for (const cookie of ['bw_token=%', 'bw_token=%zz', 'a=1; bw_token=%E0%A4%A', 'bw_token=%; bw_token=x']) {
      const r = await rawRequest(server.port, `GET / HTTP/1.1\r\n${host()}Cookie: ${cookie}\r\nConnection: close\r\n\r\n`);
      expect(r.status, cookie).toBe(403);
    }
    const r = await rawRequest(server.port, `POST /api/project.current HTTP/1.1\r\n${host()}Cookie: bw_token=%\r\nContent-Length: 2\r\n\r\n{}`);
    expect(r.status).toBe(403);
    await stillServes();
  });

  it('answers request targets new URL() throws on, authorised or not, and keeps serving', async () => {
    // Targets not in origin form ("/path") are 400; "//[" is read as a path (no such file: 404).
    const expected: Record<string, number> = { '//[': 404, '//%zz': 404, 'http://[': 400, 'http://%zz/': 400, '*': 400, 'http://127.0.0.1:1/index.html': 400 };
    for (const [target, status] of Object.entries(expected)) {
      const anonymous = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`);
      expect(anonymous.status, `${target} without token`).toBe(status === 404 ? 403 : 400);
      const authorised = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\n${host()}${auth()}Connection: close\r\n\r\n`);
      expect(authorised.status, `${target} with token`).toBe(status);
    }
    await stillServes();
  });

  it('answers CONNECT, Upgrade requests and HEAD /events instead of dropping or hanging the connection', async () => {
    const connect = await rawRequest(server.port, `CONNECT 127.0.0.1:22 HTTP/1.1\r\n${host()}${auth()}\r\n`);
    expect(connect.status).toBe(405);
    const body = '{"title":"x"}';
    const upgrade = await rawRequest(server.port, `${post('/api/project.new', auth())}Connection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(upgrade.status).toBe(400);
    const head = await rawRequest(server.port, `HEAD /events HTTP/1.1\r\n${host()}${auth()}\r\n`, [], { headOnly: true });
    expect(head.status).toBe(405);
    const events = await rawRequest(server.port, `GET /events HTTP/1.1\r\n${host()}${auth()}\r\n`, [], { headOnly: true });
    expect(events.status).toBe(200);
    await stillServes();
  });

  it('answers a malformed method name in the API path, not a URIError', async () => {
    const r = await rawRequest(server.port, `${post('/api/%E0%A4%A', auth())}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await stillServes();
  });

  it('logs an unexpected exception in a handler, answers 500, and goes on serving', async () => {
    const session = server.session;
    Object.defineProperty(session, 'project', { configurable: true, get: () => { throw new Error('boom in a getter'); } });
    try {
      const r = await rawRequest(server.port, `GET /media/full/${'a'.repeat(64)} HTTP/1.1\r\n${host()}${auth()}Connection: close\r\n\r\n`);
      expect(r.status).toBe(500);
      expect(r.body).not.toContain('boom');
    } finally {
      delete (session as unknown as Record<string, unknown>).project;
    }
    expect(logged.some((l) => l.includes('boom in a getter'))).toBe(true);
    await stillServes();
  });

  it('refuses an announced oversized body with 413 before reading any of it', async () => {
    // No body byte is ever sent: the answer can only come from the announced length.
    const upload = await rawRequest(server.port, `${post('/upload/image', auth())}Content-Type: application/octet-stream\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n`);
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('200 MB') } });
    const huge = await rawRequest(server.port, `${post('/upload/audio', auth())}Content-Type: application/octet-stream\r\nContent-Length: 99999999999999\r\n\r\n`);
    expect(huge.status).toBe(413);
    const json = await rawRequest(server.port, `${post('/api/board.get', auth())}Content-Type: application/json\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n`);
    expect(json.status).toBe(413);
    await stillServes();
  });

  it('stops a chunked body with 413 as soon as it crosses the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    // 9 MB of JSON whitespace, never terminated: only crossing the 8 MB limit can answer it.
    const r = await rawRequest(server.port, `${post('/api/board.get', auth())}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, Array(9).fill(framed));
    expect(r.status).toBe(413);
    await stillServes();
  });

  it('survives bodies that end early (answered 400 by the HTTP parser, or just closed)', async () => {
    for (const target of ['/api/project.current', '/upload/image']) {
      const r = await rawRequest(server.port, `${post(target, auth())}Content-Type: ${target.startsWith('/api') ? 'application/json' : 'application/octet-stream'}\r\nContent-Length: 1000\r\n\r\n{"a":`, [], { endAfter: true });
      expect([null, 400]).toContain(r.status);
    }
    await stillServes();
  });

  it('refuses "__proto__" keys anywhere in an API body, and nothing is polluted', async () => {
    await rawRequest(server.port, `${post('/api/project.new', auth())}Content-Type: application/json\r\nContent-Length: 17\r\n\r\n{"title":"Proto"}`);
    const bodies = [
      '{"__proto__":{"polluted":true}}',
      '{"ids":["x"],"patch":{"__proto__":{"polluted":true},"notes":"a"}}',
      '{"constructor":{"prototype":{"polluted":true}},"ids":["x"],"patch":{"notes":"b"}}',
      '[{"__proto__":{"polluted":true}}]',
    ];
    for (const body of bodies) {
      const r = await rawRequest(server.port, `${post('/api/panels.update', auth())}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      expect(r.status).toBe(200);
      const answer = JSON.parse(r.body);
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (body.includes('__proto__')) expect(answer.error.message).toContain('__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('takes files on the upload channel: once, by kind, as raw bytes only', async () => {
    const png = await makePng(64, 32);
    const upload = async (kind: string, body: Buffer, type = 'application/octet-stream') => {
      const r = await rawRequest(server.port, `${post(`/upload/${kind}`, auth())}Content-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`, [body]);
      return { status: r.status, json: JSON.parse(r.body) };
    };
    const api = async (method: string, input: unknown) => {
      const body = JSON.stringify(input);
      const r = await rawRequest(server.port, `${post(`/api/${method}`, auth())}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return JSON.parse(r.body);
    };
    await api('project.new', { title: 'Uploads' });
    const scene = (await api('scenes.create', {})).value;
    const panel = (await api('panels.create', { sceneId: scene.id })).value;

    const sent = await upload('image', png);
    expect(sent).toMatchObject({ status: 200, json: { ok: true, value: { bytes: png.length, uploadId: expect.stringMatching(/^[\w-]{24}$/) } } });
    const set = await api('panels.setImage', { panelId: panel.id, fileName: 'a.png', uploadId: sent.json.value.uploadId });
    expect(set).toMatchObject({ ok: true, value: { imageSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await api('panels.setImage', { panelId: panel.id, fileName: 'a.png', uploadId: sent.json.value.uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const audio = await upload('audio', png);
    expect(await api('panels.setImage', { panelId: panel.id, fileName: 'a.png', uploadId: audio.json.value.uploadId })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await upload('image', png, 'application/json')).status).toBe(415);
    expect((await upload('video', png)).status).toBe(404);
    expect((await upload('image', Buffer.alloc(0))).status).toBe(400);
    const anonymous = await rawRequest(server.port, `POST /upload/image HTTP/1.1\r\n${host()}Content-Type: application/octet-stream\r\nContent-Length: ${png.length}\r\n\r\n`, [png]);
    expect(anonymous.status).toBe(403);
  });
});
