import path from 'node:path';
import { KEY_ENV } from '../providers/settings';
import type { KeySource } from '../providers/settings';

/** An absolute path inside text: /a/b, ~/a/b, C:\a\b, \\server\share, file:///a, with at least two segments. */
const ABSOLUTE_PATH = /(?<![\w.:/\\])(?:file:\/\/)?(?:~?\/[^\s/"'<>|]+\/[^\s"'<>|]+|[A-Za-z]:[\\/][^\s"'<>|]+|\\\\[^\s"'<>|]+)/g;
/** Credentials in a URL: scheme://user:password@host. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

/**
 * Makes every string of a dataset record safe to hand over: provider keys (the ones set now, from
 * the key store or the environment) become "[redacted]", credentials in URLs are dropped, and an
 * absolute path (a file outside the dataset, the OS cache, a home folder) is cut to its file name.
 */
export function makeScrubber(keys: KeySource | undefined): <T>(value: T) => T {
  const secrets = (Object.keys(KEY_ENV) as (keyof typeof KEY_ENV)[])
    .map((p) => keys?.get(p))
    .filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const text = (s: string): string => {
    let out = s;
    for (const secret of secrets) out = out.split(secret).join('[redacted]');
    return out.replace(URL_CREDENTIALS, '$1').replace(ABSOLUTE_PATH, (p) => path.basename(p.replace(/\\/g, '/')));
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return <T,>(value: T) => walk(value) as T;
}
