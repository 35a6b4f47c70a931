import { ipcMain, type BrowserWindow } from 'electron';
import type { Dispatch } from '../core/index';
import { METHOD_NAMES, ipcChannel } from '../../shared/api/methods';
import { fail } from '../../shared/api/result';
import { explainNativeError } from './native';
import { isTrustedSender } from './sender';

/** One invoke channel per contract method. The core's dispatch validates every input with zod. */
export function registerIpc(dispatch: Dispatch, window: () => BrowserWindow | null): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      const win = window();
      const ours = win !== null && !win.isDestroyed() && event.sender.id === win.webContents.id;
      if (!ours || !isTrustedSender(event.senderFrame, win.webContents.mainFrame)) {
        return fail('FORBIDDEN', `${method} was refused: the request did not come from the Boardwright window.`);
      }
      return explainNativeError(await dispatch(method, input));
    });
  }
}
