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
