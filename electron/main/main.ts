import { app, dialog } from 'electron';
import { registerAppScheme } from './app-protocol';
import { startApp, type RunningApp } from './boot';
import { fileFromArgv } from './startup';
import { hardenContents } from './window';

/** App lifecycle: one instance, sandboxed renderers, quit when the last window closes (except on macOS). */
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let running: RunningApp | null = null;
  let pendingFile = fileFromArgv(process.argv, process.cwd());

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileFromArgv(argv, workingDirectory);
    if (file) running?.openFile(file);
    else running?.showWindow();
  });
  // macOS delivers double-clicked files here, possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (running) running.openFile(file);
    else pendingFile = file;
  });
  app.on('activate', () => running?.showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => running?.shutdown());

  void app
    .whenReady()
    .then(() => {
      running = startApp(pendingFile);
      pendingFile = null;
    })
    .catch((e: Error) => {
      dialog.showErrorBox('Boardwright could not start', e.message);
      app.exit(1);
    });
}
