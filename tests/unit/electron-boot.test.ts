import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Project } from '../../electron/core/index';
import { MENU_CHANNEL } from '../../shared/api/bridge';
import { makePng, tempDir } from './helpers';

/** A stand-in for the parts of Electron that boot.ts touches, recording what it was asked to do. */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    appPath: '',
    docs: '',
    savePath: '',
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<any>>(),
    protocol: null as null | ((req: { url: string; method: string; headers: Headers }) => Response),
    menus: [] as any[],
    messages: [] as any[],
    saveDialogs: [] as any[],
    windows: [] as any[],
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  };
  class WebContents {
    id = 1;
    mainFrame = { url: 'app://boardwright/index.html', parent: null, processId: 3, routingId: 1 };
    sent: unknown[][] = [];
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isLoading() {
      return false;
    }
  }
  class BrowserWindow {
    webContents = new WebContents();
    title = '';
    url = '';
    constructor(readonly options: any) {
      this.title = options.title;
      state.windows.push(this);
    }
    on() {}
    once() {}
    async loadURL(url: string) {
      this.url = url;
    }
    setTitle(title: string) {
      this.title = title;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getAppPath: () => fake.state.appPath,
    getPath: (name: string) => (name === 'userData' ? fake.state.userData : fake.state.docs),
  },
  protocol: { handle: (_scheme: string, handler: any) => (fake.state.protocol = handler), registerSchemesAsPrivileged() {} },
  ipcMain: { handle: (channel: string, handler: any) => fake.state.ipc.set(channel, handler) },
  BrowserWindow: fake.BrowserWindow,
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => fake.state.menus.push(m) },
  dialog: {
    showMessageBox: async (...args: any[]) => (fake.state.messages.push(args.at(-1)), { response: 0 }),
    showSaveDialog: async (...args: any[]) => (fake.state.saveDialogs.push(args.at(-1)), { canceled: false, filePath: fake.state.savePath }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  session: { defaultSession: { setPermissionRequestHandler: (h: any) => (fake.state.permissionRequest = h), setPermissionCheckHandler() {} } },
}));

const { startApp } = await import('../../electron/main/boot');

let running: ReturnType<typeof startApp> | null = null;
const win = () => fake.state.windows.at(-1);
const trusted = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame });
const call = (method: string, input: unknown = {}, event: unknown = trusted()) => fake.state.ipc.get(`bw:${method}`)!(event, input);

function makeProject(file: string, title: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  Project.create(file, { title }).close();
}

beforeEach(() => {
  const dir = tempDir('bw-boot-');
  Object.assign(fake.state, { userData: path.join(dir, 'userData'), appPath: path.join(dir, 'app'), docs: path.join(dir, 'docs') });
  Object.assign(fake.state, { menus: [], messages: [], saveDialogs: [], windows: [] });
  fake.state.ipc.clear();
  makeProject(path.join(fake.state.appPath, 'assets', 'sample.boardwright'), 'Sample Film');
});

afterEach(() => {
  running?.shutdown();
  running = null;
});

describe('Electron main wiring (Electron mocked)', () => {
  it('first run copies the sample into userData, opens it and loads app://boardwright in a hardened window', async () => {
    running = startApp(null);
    const sample = path.join(fake.state.userData, 'Sample.boardwright');
    expect(fs.existsSync(sample)).toBe(true);
    expect(win().url).toBe('app://boardwright/index.html');
    expect(win().title).toBe('Sample Film — Boardwright');
    expect(win().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win().options.webPreferences.preload).toMatch(/preload[\\/]preload\.cjs$/);
    const current = await call('project.current');
    expect(current).toMatchObject({ ok: true, value: { path: sample, title: 'Sample Film' } });
    expect(fake.state.ipc.size).toBe((await import('../../shared/api/methods')).METHOD_NAMES.length + 1); // + the upload channel
    const granted: Record<string, boolean> = {};
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write']) {
      fake.state.permissionRequest!(null, p, (ok) => (granted[p] = ok));
    }
    expect(Object.keys(granted).filter((p) => granted[p])).toEqual(['clipboard-sanitized-write']);
  });

  it('refuses IPC from other frames, origins and windows', async () => {
    running = startApp(null);
    const main = win().webContents.mainFrame;
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await call('project.current', {}, { sender: win().webContents, senderFrame: { ...main, url: 'file:///etc/index.html' } })).toMatchObject(forbidden);
    expect(await call('project.current', {}, { sender: win().webContents, senderFrame: { ...main, parent: main, routingId: 9 } })).toMatchObject(forbidden);
    expect(await call('project.current', {}, { sender: { id: 2 }, senderFrame: main })).toMatchObject(forbidden);
    expect(await call('project.current', {}, { sender: win().webContents, senderFrame: null })).toMatchObject(forbidden);
    expect(await call('scenes.move', { id: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('takes uploads over IPC only from our window, checks kind and size, and methods take them once by id', async () => {
    running = startApp(null);
    const upload = fake.state.ipc.get('bw:upload')!;
    const main = win().webContents.mainFrame;
    const png = new Uint8Array(await makePng(40, 30));
    expect(await upload({ sender: { id: 2 }, senderFrame: main }, { kind: 'image', bytes: png })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await upload({ sender: win().webContents, senderFrame: { ...main, url: 'https://evil.example/' } }, { kind: 'image', bytes: png })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of [null, 'x', { kind: 'video', bytes: png }, { kind: 'image', bytes: 'iVBORw0KGgo=' }, { kind: 'image', bytes: [1, 2] }, { kind: 'image', bytes: new Uint8Array(0) }, { kind: '__proto__', bytes: png }]) {
      expect(await upload(trusted(), bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    // Over the 200 MB image limit (untouched zero pages: costs no real memory).
    expect(await upload(trusted(), { kind: 'image', bytes: new Uint8Array(200 * 1024 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('200 MB') } });
    const sent = await upload(trusted(), { kind: 'image', bytes: png });
    expect(sent).toMatchObject({ ok: true, value: { bytes: png.length } });
    const scene = (await call('scenes.create')).value;
    const panel = (await call('panels.create', { sceneId: scene.id })).value;
    expect(await call('panels.setImage', { panelId: panel.id, fileName: 'f.png', uploadId: sent.value.uploadId })).toMatchObject({ ok: true, value: { imageSha256: expect.any(String) } });
    expect(await call('panels.setImage', { panelId: panel.id, fileName: 'f.png', uploadId: sent.value.uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves app:// with the CSP on every response', async () => {
    running = startApp(null);
    const res = fake.state.protocol!({ url: `app://boardwright/media/thumb/${'0'.repeat(64)}`, method: 'GET', headers: new Headers() });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('reopens the most recent project on later runs and lists it under Open Recent', () => {
    const film = path.join(fake.state.docs, 'Film.boardwright');
    makeProject(film, 'Film');
    fs.mkdirSync(fake.state.userData, { recursive: true });
    fs.writeFileSync(path.join(fake.state.userData, 'recent.json'), JSON.stringify([{ path: film, title: 'Film', openedAt: '2026-01-01T00:00:00Z' }]));
    running = startApp(null);
    expect(win().title).toBe('Film — Boardwright');
    const file = fake.state.menus.at(-1).find((m: any) => m.label === '&File');
    const recent = file.submenu.find((i: any) => i.label === 'Open Recent').submenu;
    expect(recent[0].label).toBe(`Film — ${film}`);
  });

  it('a project that fails to open shows its error and falls back to the start screen', async () => {
    const broken = path.join(fake.state.docs, 'Broken.boardwright');
    fs.mkdirSync(fake.state.docs, { recursive: true });
    fs.writeFileSync(broken, 'this is not a database');
    running = startApp(broken);
    expect(fake.state.messages).toHaveLength(1);
    expect(fake.state.messages[0].message).toBe('Broken.boardwright could not be opened.');
    expect(fake.state.messages[0].detail).toMatch(/Broken\.boardwright/);
    expect(await call('project.current')).toEqual({ ok: true, value: null });
    expect(win().title).toBe('Boardwright');
  });

  it('New asks where to save with <title>.boardwright, then retitles the window', async () => {
    running = startApp(null);
    fs.mkdirSync(fake.state.docs, { recursive: true });
    fake.state.savePath = path.join(fake.state.docs, 'My Film'); // GTK may drop the extension
    const result = await call('project.new', { title: 'My Film' });
    expect(result).toMatchObject({ ok: true, value: { title: 'My Film', path: path.join(fake.state.docs, 'My Film.boardwright') } });
    expect(fake.state.saveDialogs[0].defaultPath).toBe(path.join(fake.state.docs, 'My Film.boardwright'));
    expect(fake.state.saveDialogs[0].filters).toEqual([{ name: 'Boardwright Project', extensions: ['boardwright'] }]);
    expect(win().title).toBe('My Film — Boardwright');
  });

  it('a file opened from the OS while running goes to the renderer as openRecent', () => {
    running = startApp(null);
    running.openFile('/films/Other.boardwright');
    expect(win().webContents.sent).toEqual([[MENU_CHANNEL, { kind: 'openRecent', path: '/films/Other.boardwright' }]]);
  });
});
