/** Files the board takes as a screenplay rather than pictures: Fountain (.fountain, .spmd, .txt) and Final Draft (.fdx). */
export const SCRIPT_EXTENSIONS = ['.fountain', '.spmd', '.txt', '.fdx'] as const;

/** The accept list of the file chooser. */
export const SCRIPT_ACCEPT = SCRIPT_EXTENSIONS.join(',');

const extension = (name: string) => name.toLowerCase().slice(name.lastIndexOf('.'));

/** A scene heading (INT. EXT. EST. INT./EXT. I/E, or forced with '.') or a title page key at the top. */
const FOUNTAIN_SIGNS = /^(?:(?:INT|EXT|EST|INT\.?\/EXT|I\/E)[. ].+|\.[A-Za-z0-9].+|Title:.*)$/im;

/**
 * The screenplay among dropped files, if any. A .txt file counts only when it reads like Fountain (a
 * scene heading or a title page), so a dropped call sheet is not taken for a script.
 */
export async function scriptAmong(files: readonly File[]): Promise<File | null> {
  for (const file of files) {
    const ext = extension(file.name);
    if (ext === '.fountain' || ext === '.spmd' || ext === '.fdx') return file;
    if (ext === '.txt' && FOUNTAIN_SIGNS.test(await file.slice(0, 64 * 1024).text())) return file;
  }
  return null;
}
