/**
 * Builds the bundled sample project, "The Night Kitchen": one scene, ten panels with grey-pencil
 * storyboard drawings. The drawings are made in scripts/sample/, deterministically, as SVG by a tiny perspective
 * renderer (a one-room set, props, billboard figures, camera-move arrows), rasterised to JPEG by sharp
 * and imported through setPanelImage, the app's own import path.
 *
 * Usage: node dist/tools/make-sample.cjs <out.boardwright> [--force] [--images <dir>]
 *   --force         replace an existing file
 *   --images <dir>  also write the panel drawings there as JPEG (to look at them)
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHOTS } from './sample/shots';
import { drawShot, renderJpeg } from './sample/draw-shot';
import { cleanup, writeProject } from './sample/write-project';

// ---------------------------------------------------------------------------------------------
// Building the file
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): { out: string; force: boolean; images: string | null } {
  let out: string | null = null;
  let force = false;
  let images: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (a === '--images') images = argv[++i] ?? null;
    else if (a.startsWith('-')) throw new Error(`Unknown option ${a}`);
    else if (out === null) out = a;
    else throw new Error(`Unexpected argument ${a}`);
  }
  if (!out) throw new Error('Usage: make-sample <out.boardwright> [--force] [--images <dir>]');
  return { out: path.resolve(out), force, images };
}

async function main(): Promise<void> {
  const { out, force, images } = parseArgs(process.argv.slice(2));
  if (fs.existsSync(out) && !force) {
    process.stderr.write(`${out} already exists; pass --force to replace it.\n`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.sample`);
  cleanup(temp);

  const started = Date.now();
  const jpegs = await Promise.all(SHOTS.map((s, i) => renderJpeg(drawShot(s, 1000 + i))));
  if (images) {
    fs.mkdirSync(images, { recursive: true });
    SHOTS.forEach((s, i) => fs.writeFileSync(path.join(images, s.file), jpegs[i]));
  }

  await writeProject(out, temp, jpegs);
  const bytes = fs.statSync(out).size;
  const imageBytes = jpegs.reduce((s, j) => s + j.length, 0);
  process.stdout.write(
    `Wrote ${out}: ${SHOTS.length} panels, ${(bytes / 1024).toFixed(0)} KB (images ${(imageBytes / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`make-sample: ${(e as Error).message}\n`);
  process.exit(1);
});
