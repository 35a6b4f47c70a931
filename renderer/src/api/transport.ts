import type { MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import type { BoardwrightBridge } from '../../../shared/api/bridge';
import type { AppEvent } from '../../../shared/api/events';

/** Carries one call to the core and brings back its {ok, value} / {ok, error} result. */
export interface Transport {
  kind: 'electron' | 'web';
  send(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to events the core pushes; returns an unsubscribe. */
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** Electron: the preload's bridge, one function per contract method. */
export function bridgeTransport(bridge: BoardwrightBridge): Transport {
  return {
    kind: 'electron',
    send: async (method, input) => {
      const fn = bridge.api[method];
      if (typeof fn !== 'function') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `The app does not offer ${method}.` } };
      return fn(input);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

/**
 * Web mode: POST /api/<method> on our own origin. The HttpOnly cookie set with index.html carries the
 * token; when the page was opened with ?token= the header carries it too.
 */
export function httpTransport(token: string | null): Transport {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['X-Boardwright-Token'] = token;
  return {
    kind: 'web',
    subscribe: serverSentEvents(),
    send: async (method, input) => {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: `Boardwright is not reachable: ${(e as Error).message}` } };
      }
      if (response.status === 403) {
        return { ok: false, error: { code: 'FORBIDDEN', message: (await response.text()) || 'Access denied.' } };
      }
      if (!response.ok) {
        return { ok: false, error: { code: 'INTERNAL', message: `Boardwright answered ${response.status} ${response.statusText}.` } };
      }
      try {
        return (await response.json()) as ApiResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `Boardwright sent an unreadable answer to ${method}.` } };
      }
    },
  };
}

/** The bridge when running in Electron, else HTTP to the web-mode server. */
export function chooseTransport(win: Window = window): Transport {
  if (win.boardwright) return bridgeTransport(win.boardwright);
  const token = new URLSearchParams(win.location.search).get('token');
  return httpTransport(token);
}

/** One EventSource on GET /events (the cookie carries the token), shared by every listener. */
function serverSentEvents(): Transport['subscribe'] {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/events', { withCredentials: true });
      source.onmessage = (message) => {
        let event: AppEvent;
        try {
          event = JSON.parse(message.data) as AppEvent;
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  };
}
