import type { BoardwrightBridge, MenuCommand } from '../../shared/api/bridge';
import { MENU_CHANNEL } from '../../shared/api/bridge';
import { EVENT_CHANNEL, type AppEvent } from '../../shared/api/events';
import { METHOD_NAMES, ipcChannel } from '../../shared/api/methods';
import type { ApiResult } from '../../shared/api/result';
import { UPLOAD_CHANNEL, type UploadReceipt } from '../../shared/api/uploads';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
/** Subscribes to a channel, handing over only the payload (never the IPC event); returns an unsubscribe. */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * What the preload exposes as window.boardwright: one function per contract method, the upload
 * function (bytes to main's upload store) and the menu
 * subscription and core events. Built from two functions so it can be tested without Electron.
 */
export function createBridge(invoke: Invoke, subscribe: Subscribe): BoardwrightBridge {
  const api = {} as Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;
  for (const method of METHOD_NAMES) {
    const channel = ipcChannel(method);
    api[method] = (input) => invoke(channel, input ?? {}) as Promise<ApiResult<unknown>>;
  }
  return {
    api: Object.freeze(api) as BoardwrightBridge['api'],
    upload(kind, bytes) {
      if (typeof kind !== 'string' || !(bytes instanceof Uint8Array)) throw new TypeError('upload needs a kind and a Uint8Array');
      return invoke(UPLOAD_CHANNEL, { kind, bytes }) as Promise<ApiResult<UploadReceipt>>;
    },
    onMenuCommand(listener) {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      return subscribe(MENU_CHANNEL, (command) => listener(command as MenuCommand));
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      return subscribe(EVENT_CHANNEL, (event) => listener(event as AppEvent));
    },
  };
}
