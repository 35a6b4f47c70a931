/** 0 -> A, 25 -> Z, 26 -> AA: the letter part of an automatic shot number. */
export function shotLetters(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Automatic shot number: the scene's number plus a letter, e.g. 12A. The scene's number is the
 * screenplay's when it has one (scene 12 of the script gives 12A, 12B wherever it sits on the board),
 * else its place on the board. A script number ending in a letter (6A) takes a hyphen: 6A-A, 6A-B.
 * A manual override always wins.
 */
export function shotNumber(scene: number | string, panelIndex: number, override: string | null): string {
  if (override) return override;
  const label = String(scene);
  return `${label}${/\d$/.test(label) ? '' : '-'}${shotLetters(panelIndex)}`;
}

/** The number a scene gives its shots: the script's scene number, else its place on the board. */
export function sceneLabel(scene: { script_number: string | null } | { scriptNumber: string | null }, position: number): string {
  const fromScript = 'script_number' in scene ? scene.script_number : scene.scriptNumber;
  return fromScript?.trim() || String(position);
}

/**
 * The number of a panel added while shot numbers are locked, from its neighbours in the scene (the
 * crew's convention): after 1C at the end of a scene, 1D; between 1A and 1B, 1AA; then between 1AA
 * and 1B, 1AB. `taken` holds every number on the board; the result is never one of them. A panel
 * first in its scene gets the scene's automatic number when that is free.
 */
export function lockedNumberBetween(prev: string | null, next: string | null, auto: string, taken: ReadonlySet<string>): string {
  const fits = (n: string) => !taken.has(n) && (next === null || n < next);
  if (prev === null) {
    if (!taken.has(auto)) return auto;
    prev = auto;
  } else {
    const last = prev.charCodeAt(prev.length - 1);
    if (last >= 65 && last < 90) {
      const bumped = prev.slice(0, -1) + String.fromCharCode(last + 1);
      if (fits(bumped)) return bumped;
    }
  }
  const appended = Array.from({ length: 26 * 27 }, (_, i) => prev + shotLetters(i));
  // Between 1A and 1AA no letters fit in order; then any free one, so numbers stay unique.
  return appended.find(fits) ?? appended.find((n) => !taken.has(n)) ?? `${prev}-${taken.size}`;
}
