/** What hosts (Electron main, the web server, the CLI) use from the core. */
export { Session } from './session';
export type { Shell, SavePathRequest } from './shell';
export { Project } from './project';
export { createHandlers } from './api/handlers';
export { createDispatch, type Dispatch } from './api/dispatch';
export { readImageBytes } from './queries/image-queries';
export { useNativeBinding } from './db/native-binding';
export { CoreError } from './errors';
export { APP_VERSION } from './version';
export { mediaCaching, mediaResponse } from './serve/media';
export { readStatic, containedPath } from './serve/static-files';
