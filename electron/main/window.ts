import { BrowserWindow, type Session as WebSession, type WebContents } from 'electron';
import { APP_START_URL, isAppUrl } from './origin';

export const BACKGROUND_COLOR = '#1b1d21';

/**
 * Applied to every web contents the app creates: navigation stays on app://boardwright, new windows
 * and <webview> are refused. Nothing here ever hands a URL to shell.openExternal.
 */
export function hardenContents(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Writing plain text to the clipboard (navigator.clipboard.writeText) is the one web permission allowed. */
export const isAllowedPermission = (permission: string): boolean => permission === 'clipboard-sanitized-write';

/** The renderer needs no camera, microphone, notifications, geolocation, openExternal or the like. */
export function denyPermissions(webSession: WebSession): void {
  webSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  webSession.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
}

export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title,
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  // Main owns the title (project name); the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
