import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { PanelPatch } from '../../shared/domain/board';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { Project } from '../../electron/core/project';

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts/pdf');

/** A storyboard-like picture: sky, ground and a figure, coloured per panel so pages are not blank. */
export async function makeFrame(i: number, width = 640, height = 360): Promise<Buffer> {
  const hue = (i * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,62%)"/><stop offset="1" stop-color="hsl(${hue},35%,85%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#s)"/>
    <rect y="${height * 0.68}" width="100%" height="${height * 0.32}" fill="hsl(${(hue + 120) % 360},25%,35%)"/>
    <circle cx="${width * (0.3 + ((i * 13) % 40) / 100)}" cy="${height * 0.42}" r="${height * 0.09}" fill="#2a2320"/>
    <rect x="${width * (0.3 + ((i * 13) % 40) / 100) - height * 0.08}" y="${height * 0.5}" width="${height * 0.16}" height="${height * 0.3}" rx="${height * 0.04}" fill="#2a2320"/>
    <text x="${width * 0.04}" y="${height * 0.14}" font-size="${height * 0.09}" font-family="sans-serif" fill="#ffffff">${i}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

export interface FixtureScene {
  heading: string;
  panels: PanelPatch[];
  /** Panels without a picture (indexes into `panels`). */
  withoutPicture?: number[];
}

/** A project built through the core: scenes in order, one panel per patch, pictures from makeFrame. */
export async function buildProject(file: string, title: string, scenes: FixtureScene[], aspectRatio: '16:9' | '2.39' | '9:16' = '16:9'): Promise<Project> {
  const project = Project.create(file, { title, aspectRatio });
  let n = 0;
  for (const s of scenes) {
    const scene = createScene(project, { patch: { heading: s.heading } });
    const files = await Promise.all(s.panels.map((_, i) => makeFrame(n + i)));
    const panels = await addImagePanels(project, { sceneId: scene.id, files: files.map((bytes, i) => ({ bytes, name: `frame ${n + i}.jpg` })) });
    n += panels.length;
    panels.forEach((p, i) => updatePanels(project, [p.id], s.panels[i]));
    for (const i of s.withoutPicture ?? []) {
      project.db.prepare("DELETE FROM panel_layers WHERE panel_id = ? AND kind = 'image'").run(panels[i].id);
    }
  }
  return project;
}

export function run(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

export function pdfPages(file: string): number {
  const r = run('pdfinfo', [file]);
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)![1]);
}

/** Renders PDF pages to PNGs under artifacts/pdf/ (to look at) and returns their paths. */
export function renderPages(file: string, name: string, first = 1, last = first, dpi = 72): string[] {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = path.join(ARTIFACTS, name);
  const r = run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), file, prefix]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort().map((f) => path.join(ARTIFACTS, f));
}

export interface BboxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** pdftotext -bbox: every word with its box in points, per page. */
export function wordBoxes(file: string): BboxWord[][] {
  const r = run('pdftotext', ['-bbox', file, '-']);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split('<page ').slice(1);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return pages.map((p) =>
    [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5]),
    })),
  );
}
