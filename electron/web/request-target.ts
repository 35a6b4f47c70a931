/**
 * The path and query of a request, from its target in origin form ("/path?query"). Anything else (an
 * absolute URL, "*", a target the URL parser refuses) is null: the caller answers 400. Never throws.
 */
export function parseTarget(target: string | undefined): URL | null {
  if (!target || target[0] !== '/') return null;
  try {
    // Prefixing our own origin makes "//host" and "//[" plain paths instead of a scheme-relative URL.
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}

/** decodeURIComponent without the URIError: null for a malformed escape such as "%" or "%zz". */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
