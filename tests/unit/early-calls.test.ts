import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimEarly, takeEarly, type HttpAnswer } from '../../renderer/src/api/early';
import { httpTransport, readAnswer } from '../../renderer/src/api/transport';

const answer = (status: number, body: string, statusText = ''): HttpAnswer => ({ status, statusText, body });
const fakeWindow = (early?: Window['__boardwrightEarly']) => ({ __boardwrightEarly: early }) as unknown as Window;

afterEach(() => vi.unstubAllGlobals());

describe('startup calls sent before the app script loads', () => {
  it('hand their answer to the first call of the method with no input, once', async () => {
    const board = Promise.resolve(answer(200, '{"ok":true,"value":{"scenes":[]}}'));
    const win = fakeWindow({ 'board.get': board });
    expect(takeEarly('board.get', { id: 'x' }, win)).toBeUndefined();
    expect(takeEarly('board.get', {}, win)).toBe(board);
    expect(takeEarly('board.get', {}, win)).toBeUndefined();
  });

  it('the web transport answers from them without a second request, then asks the server again', async () => {
    const fetch = vi.fn(async () => new Response('{"ok":true,"value":"fresh"}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const win = fakeWindow({ 'history.state': Promise.resolve(answer(200, '{"ok":true,"value":"early"}')) });
    const transport = httpTransport('t0k3n', win);
    expect(await transport.send('history.state', {})).toEqual({ ok: true, value: 'early' });
    expect(fetch).not.toHaveBeenCalled();
    expect(await transport.send('history.state', {})).toEqual({ ok: true, value: 'fresh' });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/history.state');
    expect((init.headers as Record<string, string>)['X-Boardwright-Token']).toBe('t0k3n');
  });

  it('an early call that failed to reach the server reads as the usual "not reachable" error', async () => {
    const win = fakeWindow({ 'app.info': Promise.reject(new TypeError('Failed to fetch')) });
    const result = await httpTransport(null, win).send('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Boardwright is not reachable: Failed to fetch' } });
  });

  it('once the app has claimed them, a late early-calls script finds the slot taken', () => {
    const win = fakeWindow();
    claimEarly(win);
    expect(win.__boardwrightEarly).toEqual({});
    expect(takeEarly('board.get', {}, win)).toBeUndefined();
  });
});

describe('reading an HTTP answer', () => {
  it('passes results through and turns refusals, server errors and garbage into error results', () => {
    expect(readAnswer('board.get', answer(200, '{"ok":false,"error":{"code":"NO_PROJECT","message":"m"}}'))).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: 'm' } });
    expect(readAnswer('board.get', answer(403, 'Missing or wrong token'))).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    expect(readAnswer('board.get', answer(500, '', 'Internal Server Error'))).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Boardwright answered 500 Internal Server Error.' } });
    expect(readAnswer('board.get', answer(200, '{not json'))).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Boardwright sent an unreadable answer to board.get.' } });
  });
});
