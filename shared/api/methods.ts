/**
 * The method names alone, with no zod: the Electron preload bundles this list to expose exactly the
 * contract's methods. A unit test checks it matches `contract`.
 */
export const METHOD_NAMES = [
  'app.info',
  'app.recent',
  'project.new',
  'project.open',
  'project.saveCopyAs',
  'project.close',
  'project.current',
  'project.update',
  'board.get',
  'scenes.create',
  'scenes.update',
  'scenes.delete',
  'scenes.move',
  'panels.create',
  'panels.update',
  'panels.delete',
  'panels.move',
  'panels.setImage',
  'history.state',
  'history.undo',
  'history.redo',
  'tasks.list',
  'tasks.cancel',
] as const;

/** The IPC channel a method travels on in Electron. */
export const ipcChannel = (method: string): string => `bw:${method}`;
