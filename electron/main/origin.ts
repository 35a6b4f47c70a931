/** The renderer's only origin: a privileged, standard, secure custom scheme (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'boardwright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on app://boardwright. Parsed by hand because WHATWG URL reports the origin of
 * non-special schemes as "null"; credentials and ports are refused so look-alikes cannot pass.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
