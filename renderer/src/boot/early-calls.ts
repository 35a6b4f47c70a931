/**
 * The four calls every start makes, sent by this tiny script of its own as the page begins to load,
 * before the app's script (some 600 KB) has downloaded and compiled: the core reads the board, and
 * the browser receives and decodes it, while the main thread would otherwise wait. The transport
 * (api/transport.ts) hands each answer to the first call of its method; later calls go out as usual.
 * Self-contained on purpose: importing app code would make it wait for the app's chunks.
 */
import type { EarlyCalls, HttpAnswer } from '../api/early';

const METHODS = ['app.info', 'project.current', 'board.get', 'history.state'] as const;

function sendEarly(win: Window): EarlyCalls {
  const calls: EarlyCalls = {};
  const bridge = win.boardwright;
  if (bridge) {
    for (const m of METHODS) calls[m] = bridge.api[m]({});
    return calls;
  }
  const token = new URLSearchParams(win.location.search).get('token');
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['X-Boardwright-Token'] = token;
  for (const m of METHODS) {
    calls[m] = fetch(`/api/${encodeURIComponent(m)}`, { method: 'POST', headers, credentials: 'same-origin', body: '{}' }).then(
      async (r): Promise<HttpAnswer> => ({ status: r.status, statusText: r.statusText, body: await r.text() }),
    );
  }
  return calls;
}

// The app claims the slot when its transport starts; if it somehow started first, it sends its own calls.
if (!window.__boardwrightEarly) {
  const calls = sendEarly(window);
  // Handled by the call that takes them; this only keeps an early failure from being reported as unhandled.
  for (const p of Object.values(calls)) p?.catch(() => undefined);
  window.__boardwrightEarly = calls;
}
