import path from 'node:path';
import type { ApiResult } from '../../shared/api/result';

export const NATIVE_FILE = 'better_sqlite3.node';

/** Where an Electron-ABI better-sqlite3 build lives: resources/native when packaged, build/native/electron in dev. */
export function nativeBindingPath(opts: { isPackaged: boolean; appPath: string; resourcesPath: string }): string {
  return opts.isPackaged
    ? path.join(opts.resourcesPath, 'native', NATIVE_FILE)
    : path.join(opts.appPath, 'build', 'native', 'electron', NATIVE_FILE);
}

const ABI_ERROR = /NODE_MODULE_VERSION|compiled against a different Node\.js version|Module did not self-register|invalid ELF header|not a valid Win32 application|Could not locate the bindings file|better_sqlite3\.node/i;

export function isAbiError(message: string): boolean {
  return ABI_ERROR.test(message);
}

export const ABI_HELP =
  'The SQLite module was built for Node.js, not for Electron, so projects cannot be opened. ' +
  'Run `npm run electron:native` (needs a network connection), then start Boardwright again.';

/** Replaces a cryptic native-module failure in an API result with what to do about it. */
export function explainNativeError<T>(result: ApiResult<T>): ApiResult<T> {
  if (result.ok || !isAbiError(result.error.message)) return result;
  return { ok: false, error: { code: 'INTERNAL', message: ABI_HELP } };
}
