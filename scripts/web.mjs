// `npm run web -- [FILE]`: builds if needed, then serves the renderer and the API on 127.0.0.1.
// The server's first line is "Boardwright web: http://127.0.0.1:PORT/?token=...".
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Build output goes to stderr so the URL stays the first line on stdout.
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: ['ignore', 2, 2] });
if (built.status !== 0) process.exit(built.status ?? 1);
process.argv.splice(1, 1, path.join(root, 'dist/web/boardwright-web.cjs'));
await import(path.join(root, 'dist/web/boardwright-web.cjs'));
