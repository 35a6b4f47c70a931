import { protocol } from 'electron';
import { mediaResponse, readStatic, type Session } from '../core/index';
import { appResponse } from './app-response';
import { APP_SCHEME } from './origin';

/** Must run before the app is ready: makes app:// a standard, secure origin that fetch() can use. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer script between launches, so later starts skip compiling it.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

/** Serves the renderer and the open project's images and clips on app://boardwright (clips in byte ranges: `stream` lets video seek). */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    appResponse(request.url, request.method, {
      range: request.headers.get('range'),
      media: (pathname) => mediaResponse(session, pathname),
      file: (pathname) => readStatic(rendererDir, pathname),
    }),
  );
}
