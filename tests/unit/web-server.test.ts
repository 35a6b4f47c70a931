import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { makePng, tempDir } from './helpers';
import { decodeLayersBody } from '../../shared/domain/sketch-pack';

/** Raw HTTP so the Host header and odd paths go out exactly as written. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('web mode server', () => {
  let server: WebServer;
  const home = tempDir('bw-web-');
  const rendererDir = path.join(home, 'renderer');

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Boardwright</title>');
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-C5fUhXVy.js'), 'console.log(1)');
    fs.writeFileSync(path.join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(home, 'secret.txt'), 'do not serve');
    server = await startWebServer({ rendererDir, settingsDir: path.join(home, 'settings'), projectsDir: path.join(home, 'projects') });
  });
  afterAll(() => server.close());

  const api = (method: string, input: unknown, token = server.token) =>
    request(server.port, { method: 'POST', path: `/api/${method}`, headers: { 'X-Boardwright-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(input) }).then(
      (r) => ({ status: r.status, json: r.status === 200 ? JSON.parse(r.body.toString()) : null }),
    );

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses every request without the token, or with a wrong one', async () => {
    expect((await request(server.port, { path: '/' })).status).toBe(403);
    expect((await request(server.port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await api('project.current', {}, 'wrong')).status).toBe(403);
    expect((await request(server.port, { path: '/media/thumb/' + 'a'.repeat(64) })).status).toBe(403);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const r = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: `evil.example:${server.port}` } });
    expect(r.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and sets the token cookie', async () => {
    const r = await request(server.port, { path: `/?token=${server.token}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(r.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(r.headers['set-cookie']?.[0]).toMatch(/bw_token=.*HttpOnly; SameSite=Strict/);
    const withCookie = await request(server.port, { path: '/index.html', headers: { Cookie: `bw_token=${server.token}` } });
    expect(withCookie.status).toBe(200);
  });

  it('lets the browser keep content-hashed build assets, and nothing else', async () => {
    const cookie = { Cookie: `bw_token=${server.token}` };
    const hashed = await request(server.port, { path: '/assets/index-C5fUhXVy.js', headers: cookie });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const p of ['/index.html', '/favicon.svg']) {
      const r = await request(server.port, { path: p, headers: cookie });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await request(server.port, { path: p, headers: { Cookie: `bw_token=${server.token}` } });
      expect(r.body.toString()).not.toContain('do not serve');
      expect(r.status).toBe(404);
    }
  });

  it('runs the API and serves project images', async () => {
    const created = await api('project.new', { title: 'Web Film' });
    expect(created.json).toMatchObject({ ok: true, value: { title: 'Web Film', path: path.join(home, 'projects', 'Web Film.boardwright') } });
    const scene = (await api('scenes.create', {})).json.value;
    const panel = (await api('panels.create', { sceneId: scene.id })).json.value;
    const png = await makePng(200, 100);
    const sent = await request(server.port, { method: 'POST', path: '/upload/image', headers: { 'X-Boardwright-Token': server.token, 'Content-Type': 'application/octet-stream' }, body: png });
    const { uploadId } = JSON.parse(sent.body.toString()).value;
    const set = (await api('panels.setImage', { panelId: panel.id, fileName: 'a.png', uploadId })).json;
    expect(set.ok).toBe(true);
    const full = await request(server.port, { path: `/media/full/${set.value.imageSha256}`, headers: { Cookie: `bw_token=${server.token}` } });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.body.equals(png)).toBe(true);
    const thumb = await request(server.port, { path: `/media/thumb/${set.value.imageSha256}`, headers: { Cookie: `bw_token=${server.token}` } });
    expect(thumb.headers['content-type']).toBe('image/webp');
    // A panel's layers for the editor: one binary body, never cached (they change under the same URL).
    const stroke = { tool: 'pen', color: '#102030', size: 0.01, opacity: 1, points: [[0.1, 0.5, 0.5], [0.9, 0.5, 0.5]] };
    expect((await api('sketch.addStroke', { panelId: panel.id, stroke })).json.ok).toBe(true);
    const layers = await request(server.port, { path: `/media/layers/${panel.id}`, headers: { Cookie: `bw_token=${server.token}` } });
    expect(layers.status).toBe(200);
    expect(layers.headers['content-type']).toBe('application/octet-stream');
    expect(layers.headers['cache-control']).toBe('no-store');
    const decoded = decodeLayersBody(new Uint8Array(layers.body));
    expect(decoded).toEqual((await api('sketch.get', { panelId: panel.id })).json.value);
    expect(decoded.layers.find((l) => l.role === 'pencil')!.strokes).toHaveLength(1);
    expect((await request(server.port, { path: `/media/layers/${panel.id}` })).status).toBe(403);
    expect((await request(server.port, { path: '/media/layers/no-such-panel', headers: { Cookie: `bw_token=${server.token}` } })).status).toBe(404);
    const second = await api('project.new', { title: 'Web Film' });
    expect(second.json.value.path).toBe(path.join(home, 'projects', 'Web Film 2.boardwright'));
  });

  it('answers malformed requests with a clear error envelope', async () => {
    const r = await request(server.port, { method: 'POST', path: '/api/board.get', headers: { 'X-Boardwright-Token': server.token }, body: '{not json' });
    expect(JSON.parse(r.body.toString())).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await request(server.port, { path: '/api/board.get', headers: { 'X-Boardwright-Token': server.token } })).status).toBe(405);
  });
});
