/** The decision dataset's layout: its version and the files it holds (README.md documents each). */
export const DATASET_VERSION = 'boardwright-dataset/1';

export const DATASET_FILES = {
  manifest: 'manifest.json',
  readme: 'README.md',
  panels: 'panels.jsonl',
  decisions: 'decisions.jsonl',
  generations: 'generations.jsonl',
  preferences: 'preferences.jsonl',
  images: 'images',
} as const;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** Where an image lives in the dataset, relative to its folder: images/<sha256>.<ext>. */
export const imageFile = (sha256: string, mime: string): string => `${DATASET_FILES.images}/${sha256}.${EXTENSIONS[mime] ?? 'bin'}`;

/** JSON Lines: one record per line, a final newline when there are any. */
export const jsonLines = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
