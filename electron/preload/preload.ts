import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';

// Sandboxed preload: ipcRenderer itself never reaches the page, only these wrappers.
const bridge = createBridge(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
);

contextBridge.exposeInMainWorld('boardwright', bridge);
