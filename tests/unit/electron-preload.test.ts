import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/api/bridge';
import { METHOD_NAMES, ipcChannel } from '../../shared/api/methods';
import { EVENT_CHANNEL, type AppEvent } from '../../shared/api/events';
import { createBridge } from '../../electron/preload/bridge';
import { UPLOAD_CHANNEL } from '../../shared/api/uploads';

describe('preload bridge', () => {
  it('exposes exactly one function per contract method, onMenuCommand and onEvent', () => {
    const bridge = createBridge(async () => ({ ok: true, value: null }), () => () => {});
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent', 'onMenuCommand', 'upload']);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(bridge.api).sort()).toEqual(Object.keys(contract).sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('invokes the method’s channel with the input', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    }, () => () => {});
    await expect(bridge.api['scenes.move']({ id: 's1', index: 2 })).resolves.toEqual({ ok: true, value: 'bw:scenes.move' });
    await bridge.api['app.info'](undefined);
    expect(calls).toEqual([
      [ipcChannel('scenes.move'), { id: 's1', index: 2 }],
      ['bw:app.info', {}],
    ]);
  });

  it('onMenuCommand passes only the command and returns the unsubscribe', () => {
    let registered: { channel: string; listener: (payload: unknown) => void } | null = null;
    let unsubscribed = false;
    const bridge = createBridge(
      async () => null,
      (channel, listener) => {
        registered = { channel, listener };
        return () => {
          unsubscribed = true;
        };
      },
    );
    const got: MenuCommand[] = [];
    const off = bridge.onMenuCommand((c) => got.push(c));
    expect(registered!.channel).toBe(MENU_CHANNEL);
    registered!.listener({ kind: 'openRecent', path: '/a.boardwright' });
    expect(got).toEqual([{ kind: 'openRecent', path: '/a.boardwright' }]);
    off();
    expect(unsubscribed).toBe(true);
    expect(() => bridge.onMenuCommand('nope' as never)).toThrow(TypeError);
  });

  it('onEvent subscribes to the event channel and passes only the event', () => {
    const registered: { channel: string; listener: (payload: unknown) => void }[] = [];
    const bridge = createBridge(
      async () => null,
      (channel, listener) => {
        registered.push({ channel, listener });
        return () => {};
      },
    );
    const got: AppEvent[] = [];
    bridge.onEvent((e) => got.push(e));
    expect(registered.map((r) => r.channel)).toEqual([EVENT_CHANNEL]);
    registered[0].listener({ kind: 'board.changed' });
    expect(got).toEqual([{ kind: 'board.changed' }]);
  });

  it('upload sends the kind and the bytes themselves on the upload channel, and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBridge(async (channel, input) => (calls.push([channel, input]), { ok: true, value: { uploadId: 'x', bytes: 3 } }), () => () => {});
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(bridge.upload('image', bytes)).resolves.toEqual({ ok: true, value: { uploadId: 'x', bytes: 3 } });
    expect(calls).toEqual([[UPLOAD_CHANNEL, { kind: 'image', bytes }]]);
    expect(calls[0][1]).toHaveProperty('bytes', bytes);
    expect(() => bridge.upload('image', 'AQID' as never)).toThrow(TypeError);
    expect(calls).toHaveLength(1);
  });

  it('the preload imports nothing but electron, the bridge and the zod-free shared modules', () => {
    const dir = path.resolve(__dirname, '../../electron/preload');
    const runtimeImports = fs
      .readdirSync(dir)
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^import (?!type )[^'"]*from '([^']+)'/gm)].map((m) => m[1]));
    expect(new Set(runtimeImports)).toEqual(new Set(['electron', './bridge', '../../shared/api/bridge', '../../shared/api/events', '../../shared/api/methods', '../../shared/api/uploads']));
  });
});
