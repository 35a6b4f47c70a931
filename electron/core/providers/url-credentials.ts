/**
 * `http://user:pass@host:7860` -> the URL without credentials plus an HTTP Basic header (fetch refuses
 * URLs with credentials, and they must never be shown). The password and header are secrets to redact.
 * Used by the local providers (A1111 `--api-auth`, a ComfyUI behind an authenticating proxy).
 */
export function splitCredentials(url: string): { base: string; authorization?: string; secrets: string[] } {
  const u = new URL(url);
  if (!u.username && !u.password) return { base: url.replace(/\/+$/, ''), secrets: [] };
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  const token = Buffer.from(`${user}:${pass}`).toString('base64');
  u.username = '';
  u.password = '';
  return { base: u.toString().replace(/\/+$/, ''), authorization: `Basic ${token}`, secrets: [pass, token] };
}
