/**
 * View preferences kept in the browser's storage (timeline height, card size): how this person likes
 * the window, never part of the project file. Private mode has no storage: they then last a session.
 */
export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // No storage: the choice lasts for this session only.
  }
}
