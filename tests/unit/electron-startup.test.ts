import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic } from '../../electron/core/index';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/security';
import { appResponse, type AppSources } from '../../electron/main/app-response';
import { ABI_HELP, explainNativeError, isAbiError, nativeBindingPath } from '../../electron/main/native';
import { ensureSample, fileFromArgv, startupPlan } from '../../electron/main/startup';
import { tempDir } from './helpers';

const recent = (p: string) => ({ path: p, title: 'T', openedAt: '2026-01-01T00:00:00Z' });

describe('start-up project', () => {
  it('prefers the command-line file, then the last project if it exists, else the sample', () => {
    const exists = (p: string) => p === '/a.boardwright';
    expect(startupPlan('/x.boardwright', [recent('/a.boardwright')], exists)).toEqual({ kind: 'file', path: '/x.boardwright' });
    expect(startupPlan(null, [recent('/a.boardwright'), recent('/b.boardwright')], exists)).toEqual({ kind: 'file', path: '/a.boardwright' });
    expect(startupPlan(null, [recent('/gone.boardwright'), recent('/a.boardwright')], exists)).toEqual({ kind: 'sample' });
    expect(startupPlan(null, [], exists)).toEqual({ kind: 'sample' });
  });

  it('finds a .boardwright file in a command line, resolved against its working directory', () => {
    expect(fileFromArgv(['/opt/Boardwright/boardwright', '--no-sandbox', 'films/Pilot.BOARDWRIGHT'], '/home/ana')).toBe(
      path.resolve('/home/ana', 'films/Pilot.BOARDWRIGHT'),
    );
    expect(fileFromArgv(['electron', '.', '--flag=x.boardwright'], '/w')).toBeNull();
    expect(fileFromArgv(['/x.boardwright'], '/w')).toBeNull(); // argv[0] is the executable
  });

  it('copies the bundled sample once and never overwrites the user’s copy', () => {
    const dir = tempDir();
    const bundled = path.join(dir, 'sample.boardwright');
    const dest = path.join(dir, 'userData', 'Sample.boardwright');
    expect(ensureSample(bundled, dest)).toBeNull();
    fs.writeFileSync(bundled, 'v1');
    expect(ensureSample(bundled, dest)).toBe(dest);
    fs.writeFileSync(dest, 'edited');
    fs.writeFileSync(bundled, 'v2');
    expect(ensureSample(bundled, dest)).toBe(dest);
    expect(fs.readFileSync(dest, 'utf8')).toBe('edited');
  });
});

describe('native binding', () => {
  it('looks in resources/native when packaged and build/native/electron in development', () => {
    const opts = { appPath: '/repo', resourcesPath: '/opt/B/resources' };
    expect(nativeBindingPath({ ...opts, isPackaged: true })).toBe(path.join('/opt/B/resources', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...opts, isPackaged: false })).toBe(path.join('/repo', 'build', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('explains ABI mismatches and leaves other errors alone', () => {
    const abi = "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.";
    expect(isAbiError(abi)).toBe(true);
    expect(explainNativeError({ ok: false, error: { code: 'INTERNAL', message: abi } })).toEqual({ ok: false, error: { code: 'INTERNAL', message: ABI_HELP } });
    expect(ABI_HELP).toContain('npm run electron:native');
    const other = { ok: false as const, error: { code: 'CORRUPT' as const, message: 'x.boardwright is damaged.' } };
    expect(explainNativeError(other)).toBe(other);
    expect(explainNativeError({ ok: true, value: 1 })).toEqual({ ok: true, value: 1 });
  });
});

describe('app:// responses', () => {
  const sources: AppSources = {
    media: (p) => (p === '/media/thumb/abc' ? { type: 'image/webp', body: Buffer.from('img') } : null),
    file: (p) => (p === '/' || p === '/index.html' ? { type: 'text/html; charset=utf-8', body: Buffer.from('<html>') } : null),
  };

  it('serves the renderer and media, every response with the CSP', async () => {
    const page = await appResponse('app://boardwright/', 'GET', sources);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<html>');
    const media = await appResponse('app://boardwright/media/thumb/abc', 'GET', sources);
    expect(media.headers.get('content-type')).toBe('image/webp');
    expect(media.headers.get('cache-control')).toContain('immutable');
    for (const res of [page, media]) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });

  it('answers a preview that has to be made first once it is ready, still cacheable', async () => {
    const later: AppSources = { ...sources, media: async (p) => (p === '/media/preview/512/abc' ? { type: 'image/jpeg', body: Buffer.from('jpg') } : null) };
    const res = await appResponse('app://boardwright/media/preview/512/abc', 'GET', later);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('jpg');
    expect((await appResponse('app://boardwright/media/preview/512/zzz', 'GET', later)).status).toBe(404);
  });

  it('never lets a panel\'s layers be cached: they change under the same URL', async () => {
    const layers: AppSources = { ...sources, media: (p) => (p === '/media/layers/abc' ? { type: 'application/octet-stream', body: Buffer.from('x'), cache: 'no-store' } : null) };
    const res = await appResponse('app://boardwright/media/layers/abc', 'GET', layers);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // A damaged sketch is refused with its reason, which the editor shows.
    const refused: AppSources = { ...sources, media: () => ({ type: 'text/plain; charset=utf-8', body: Buffer.from('The strokes are damaged.'), cache: 'no-store', status: 422 }) };
    const no = await appResponse('app://boardwright/media/layers/abc', 'GET', refused);
    expect(no.status).toBe(422);
    expect(await no.text()).toBe('The strokes are damaged.');
  });

  it.each([
    ['app://boardwright/nope.js', 'GET', 404],
    ['app://boardwright/media/thumb/zzz', 'GET', 404],
    ['app://other/index.html', 'GET', 404],
    ['app://boardwright/index.html', 'POST', 405],
  ])('%s %s → %i, still with the CSP', async (url, method, status) => {
    const res = await appResponse(url, method, sources);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps static files inside the renderer folder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<html>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const real: AppSources = { media: () => null, file: (p) => readStatic(path.join(dir, 'renderer'), p) };
    expect((await appResponse('app://boardwright/', 'GET', real)).status).toBe(200);
    for (const url of ['app://boardwright/../secret.txt', 'app://boardwright/%2e%2e/secret.txt', 'app://boardwright/..%2fsecret.txt', 'app://boardwright/media/..%2f..%2fsecret.txt']) {
      expect((await appResponse(url, 'GET', real)).status).toBe(404);
    }
  });
});
