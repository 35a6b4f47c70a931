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

/** Automatic shot number: scene number plus letter, e.g. 12A. A manual override always wins. */
export function shotNumber(sceneNumber: number, panelIndex: number, override: string | null): string {
  return override ?? `${sceneNumber}${shotLetters(panelIndex)}`;
}
