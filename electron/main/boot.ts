import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, safeStorage, session as webSessions, type BrowserWindow } from 'electron';
import { createDispatch, createHandlers, Session, useNativeBinding } from '../core/index';
import { UploadStore } from '../core/uploads/upload-store';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/api/bridge';
import { EVENT_CHANNEL } from '../../shared/api/events';
import { serveAppProtocol } from './app-protocol';
import { createElectronShell, windowTitle } from './electron-shell';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu-template';
import { ABI_HELP, isAbiError, nativeBindingPath } from './native';
import { SAMPLE_NAME, ensureSample, startupPlan } from './startup';
import { createMainWindow, denyPermissions } from './window';
import { configureGeneration } from '../core/generation/hub';
import { SafeStorageKeyStore } from './key-store';

export interface RunningApp {
  /** A project the OS asked us to open (file association, second instance, macOS open-file). */
  openFile(file: string): void;
  /** Shows the window, creating it again if it was closed (macOS keeps the app running). */
  showWindow(): void;
  shutdown(): void;
}

/** Wires the core to Electron once the app is ready, opens the start-up project and shows the window. */
export function startApp(argFile: string | null): RunningApp {
  const native = nativeBindingPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
  // Without it better-sqlite3 loads its Node-ABI build; an ABI failure is then explained (see native.ts).
  if (fs.existsSync(native)) useNativeBinding(native);

  const userData = app.getPath('userData');
  let win: BrowserWindow | null = null;
  const window = () => (win && !win.isDestroyed() ? win : null);
  const send = (command: MenuCommand) => window()?.webContents.send(MENU_CHANNEL, command);

  const refreshMenu = () => {
    const recent = session.recent.list().filter((r) => fs.existsSync(r.path));
    const template = buildMenuTemplate({ platform: process.platform, isDev: !app.isPackaged, hasProject: session.project !== null, recent, send });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const shell = createElectronShell({ window, documentsDir, changed: refreshMenu });
  const session = new Session(shell, userData);
  // Provider keys live in the OS keychain (safeStorage), never in a project; other settings in userData.
  const keys = new SafeStorageKeyStore(() => safeStorage, path.join(userData, 'provider-keys.json'), { env: process.env, log: console.error });
  configureGeneration(session, { settingsDir: userData, keys });
  void keys.load().catch((e: Error) => console.error(`[boardwright] provider keys could not be read: ${e.message}`));

  denyPermissions(webSessions.defaultSession);
  serveAppProtocol(session, path.join(__dirname, '..', 'renderer'));
  const uploads = new UploadStore();
  registerIpc(createDispatch(createHandlers(session, uploads)), window, uploads);
  session.events.subscribe((event) => window()?.webContents.send(EVENT_CHANNEL, event));
  refreshMenu();

  /** Opens in main (the renderer asks project.current when it loads); failures go to a dialog. */
  const openNow = (file: string): Error | null => {
    try {
      session.open(file);
      return null;
    } catch (e) {
      return e as Error;
    }
  };
  const showOpenError = (file: string, error: Error) => {
    const options = {
      type: 'error' as const,
      title: 'Boardwright',
      message: `${path.basename(file)} could not be opened.`,
      detail: isAbiError(error.message) ? ABI_HELP : error.message,
    };
    void (window() ? dialog.showMessageBox(window()!, options) : dialog.showMessageBox(options));
  };
  const showWindow = () => {
    if (!window()) win = createMainWindow(path.join(__dirname, '..', 'preload', 'preload.cjs'), windowTitle(session.project?.info() ?? null));
    else if (win!.isMinimized()) win!.restore();
    win!.focus();
  };

  const startFile = chooseStartFile(argFile, session, userData);
  const startError = startFile ? openNow(startFile) : null;
  showWindow();
  if (startFile && startError) showOpenError(startFile, startError);

  return {
    openFile: (file) => {
      showWindow();
      // A loaded renderer opens it itself (and shows errors in place); a loading one will ask project.current.
      if (win!.webContents.isLoading()) {
        const error = openNow(file);
        if (error) showOpenError(file, error);
      } else send({ kind: 'openRecent', path: file });
    },
    showWindow,
    shutdown: () => session.close(),
  };
}

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** The command-line file, else the last project, else the user's copy of the bundled sample. */
function chooseStartFile(argFile: string | null, session: Session, userData: string): string | null {
  const plan = startupPlan(argFile, session.recent.list(), fs.existsSync);
  if (plan.kind === 'file') return plan.path;
  const bundled = app.isPackaged
    ? path.join(process.resourcesPath, 'sample.boardwright')
    : path.join(app.getAppPath(), 'assets', 'sample.boardwright');
  try {
    return ensureSample(bundled, path.join(userData, SAMPLE_NAME));
  } catch (e) {
    console.error(`[boardwright] could not copy the sample project: ${(e as Error).message}`);
    return null;
  }
}
