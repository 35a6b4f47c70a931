import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/index';
import { acceptUpload } from '../core/uploads/accept-upload';
import type { UploadStore } from '../core/uploads/upload-store';
import { METHOD_NAMES, ipcChannel } from '../../shared/api/methods';
import { fail } from '../../shared/api/result';
import { UPLOAD_CHANNEL } from '../../shared/api/uploads';
import { explainNativeError } from './native';
import { isTrustedSender } from './sender';

/**
 * One invoke channel per contract method, plus the upload channel (file bytes as a Uint8Array). Every
 * call must come from our window's main frame; the core's dispatch validates every input with zod,
 * acceptUpload the kind and size of an upload.
 */
export function registerIpc(dispatch: Dispatch, window: () => BrowserWindow | null, uploads: UploadStore): void {
  const fromOurWindow = (event: IpcMainInvokeEvent) => {
    const win = window();
    const ours = win !== null && !win.isDestroyed() && event.sender.id === win.webContents.id;
    return ours && isTrustedSender(event.senderFrame, win.webContents.mainFrame);
  };
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      if (!fromOurWindow(event)) return fail('FORBIDDEN', `${method} was refused: the request did not come from the Boardwright window.`);
      return explainNativeError(await dispatch(method, input));
    });
  }
  ipcMain.handle(UPLOAD_CHANNEL, (event, input: unknown) => {
    if (!fromOurWindow(event)) return fail('FORBIDDEN', 'The upload was refused: it did not come from the Boardwright window.');
    return acceptUpload(uploads, input);
  });
}
