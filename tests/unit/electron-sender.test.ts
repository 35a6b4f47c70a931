import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/main/origin';
import { isTrustedSender, type FrameLike } from '../../electron/main/sender';

const frame = (url: string, over: Partial<FrameLike> = {}): FrameLike => ({ url, parent: null, processId: 4, routingId: 1, ...over });

describe('IPC sender validation', () => {
  const main = frame('app://boardwright/index.html');

  it('accepts the main frame of our window on app://boardwright', () => {
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender(frame('app://boardwright/'), main)).toBe(true);
    expect(isTrustedSender(frame('app://boardwright/index.html#/board?x=1'), main)).toBe(true);
  });

  it.each([
    'file:///home/user/index.html',
    'http://127.0.0.1:5173/',
    'https://boardwright/',
    'app://evil/index.html',
    'app://boardwright.evil.com/',
    'app://user@boardwright/',
    'app://boardwright:8080/',
    'about:blank',
    'data:text/html,hi',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTrustedSender(frame(url), main)).toBe(false);
  });

  it('rejects subframes, even on our origin', () => {
    const sub = frame('app://boardwright/index.html', { parent: main, routingId: 2 });
    expect(isTrustedSender(sub, main)).toBe(false);
    expect(isTrustedSender(frame('app://boardwright/index.html', { parent: main }), main)).toBe(false);
  });

  it('rejects frames that are not our window’s main frame, and missing frames', () => {
    expect(isTrustedSender(frame('app://boardwright/index.html', { processId: 9 }), main)).toBe(false);
    expect(isTrustedSender(frame('app://boardwright/index.html', { routingId: 7 }), main)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });

  it('isAppUrl only matches app://boardwright', () => {
    expect(isAppUrl('app://boardwright/media/thumb/abc')).toBe(true);
    expect(isAppUrl('app:boardwright')).toBe(false);
    expect(isAppUrl('APP://other/')).toBe(false);
  });
});
