/**
 * The folder a file is in, the home folder written as "~" ("~/Films/Short" for
 * /home/ana/Films/Short/Short.boardwright): what tells two projects of the same title apart.
 */
export function shortFolder(filePath: string, home: string | null): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  const folder = cut > 0 ? filePath.slice(0, cut) : cut === 0 ? filePath[0] : '';
  if (!home) return folder;
  const base = home.replace(/[\\/]+$/, '');
  if (folder === base) return '~';
  const next = folder.charAt(base.length);
  return base && folder.startsWith(base) && (next === '/' || next === '\\') ? `~${folder.slice(base.length)}` : folder;
}
