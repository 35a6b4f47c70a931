import type { MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import type { BoardwrightBridge } from '../../../shared/api/bridge';
import type { AppEvent } from '../../../shared/api/events';
import { uploadPath, type UploadKind, type UploadReceipt } from '../../../shared/api/uploads';

/**
 * This page's id, sent with every web-mode call: the core's change notice for an edit made here names
 * it, so this page does not read the board again for its own edit while other tabs do.
 */
export const CLIENT_ID = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Carries one call to the core and brings back its {ok, value} / {ok, error} result. */
export interface Transport {
  kind: 'electron' | 'web';
  send(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
  /** Sends a file's bytes on the upload channel; an API method then takes the receipt's upload id. */
  upload(kind: UploadKind, file: Blob): Promise<ApiResult<UploadReceipt>>;
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
    // Structured clone over IPC: the bytes are copied once, never base64-encoded.
    upload: async (kind, file) => bridge.upload(kind, new Uint8Array(await file.arrayBuffer())),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

/**
 * Web mode: POST /api/<method> on our own origin. The HttpOnly cookie set with index.html carries the
 * token; when the page was opened with ?token= the header carries it too.
 */
export function httpTransport(token: string | null): Transport {
  const auth: Record<string, string> = { ...(token ? { 'X-Boardwright-Token': token } : {}), 'X-Boardwright-Client': CLIENT_ID };
  return {
    kind: 'web',
    subscribe: serverSentEvents(),
    send: (method, input) =>
      post(`/api/${encodeURIComponent(method)}`, { ...auth, 'Content-Type': 'application/json' }, JSON.stringify(input ?? {}), method),
    // The browser streams the file from disk: its bytes never pass through script memory.
    upload: (kind, file) =>
      post(uploadPath(kind), { ...auth, 'Content-Type': 'application/octet-stream' }, file, 'the upload') as Promise<ApiResult<UploadReceipt>>,
  };
}

/** One POST to our own origin; every outcome becomes an {ok, value} / {ok, error} result. */
async function post(url: string, headers: Record<string, string>, body: BodyInit, what: string): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body });
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: `Boardwright is not reachable: ${(e as Error).message}` } };
  }
  if (response.status === 403) {
    return { ok: false, error: { code: 'FORBIDDEN', message: (await response.text()) || 'Access denied.' } };
  }
  // Refusals (413 too large, 415...) carry an error envelope with a message fit for the user.
  const answer = await response.json().catch(() => null);
  if (answer && typeof answer === 'object' && 'ok' in answer) return answer as ApiResult<unknown>;
  if (!response.ok) {
    return { ok: false, error: { code: 'INTERNAL', message: `Boardwright answered ${response.status} ${response.statusText}.` } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `Boardwright sent an unreadable answer to ${what}.` } };
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
