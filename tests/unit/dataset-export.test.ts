/**
 * The decision dataset, checked file by file: valid JSON Lines, every image it names present once and
 * named by the SHA-256 of its bytes, no provider key and no path outside the folder; preferences for
 * a pick over three alternatives; the folder written whole, replacing only an earlier dataset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { addDecisionNote } from '../../electron/core/decisions/decision-commands';
import { exportDataset } from '../../electron/core/dataset/export-dataset';
import { DATASET_VERSION } from '../../electron/core/dataset/dataset-format';
import { listVariations } from '../../electron/core/generation/job-rows';
import { pickVariation } from '../../electron/core/generation/pick';
import { envKeySource } from '../../electron/core/providers/settings';
import { GatedProvider, useHarnesses, type Harness } from './generation-helpers';
import { makePng, sha256File, tempDir } from './helpers';

const { make } = useHarnesses();
const KEY = 'sk-fake-DATASET-key-0123456789';
const OUTSIDE = '/home/someone/refs/cliff edge.png';

type Json = Record<string, unknown>;

function readJsonl(dir: string, name: string): Json[] {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  if (text === '') return [];
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => {
    const v = JSON.parse(line) as unknown;
    expect(v !== null && typeof v === 'object' && !Array.isArray(v)).toBe(true);
    return v as Json;
  });
}

/** Every string anywhere in a JSON value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

async function boardWithPicks(): Promise<{ h: Harness; picked: string; rejected: string[] }> {
  const h = make({ panels: 3 });
  (h.providers.get('openai') as GatedProvider).autoRelease = true;
  const job = h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: `Mara at the door, lit like ${OUTSIDE}`, count: 4, seed: 7 });
  await h.service.settled(job.id);
  const [a, b, c, d] = [...listVariations(h.project.db, h.panelIds[0])];
  await pickVariation(h.project, b.id, { why: 'Her eyeline reads best' });
  await setPanelImage(h.project, h.panelIds[1], await makePng(64, 27, [30, 90, 200]), OUTSIDE);
  updatePanels(h.project, [h.panelIds[2]], { shotSize: 'EWS', status: 'review', transition: 'dissolve' });
  addDecisionNote(h.project, { panelId: h.panelIds[2], note: `Key pasted by mistake: ${KEY}`, why: `See ${OUTSIDE} and C:\\Users\\me\\AppData\\Local\\Temp\\x.png` });
  return { h, picked: b.id, rejected: [a.id, c.id, d.id] };
}

describe('export dataset', () => {
  it('writes a documented, versioned folder whose every file checks out', async () => {
    const { h, picked, rejected } = await boardWithPicks();
    const dir = path.join(tempDir('bw-dataset-'), 'Gen dataset');
    const summary = await exportDataset(h.project, dir, { keys: envKeySource({ OPENAI_API_KEY: KEY }) });

    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'decisions.jsonl', 'generations.jsonl', 'images', 'manifest.json', 'panels.jsonl', 'preferences.jsonl']);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: DATASET_VERSION, title: 'Gen', files: { 'panels.jsonl': 3, 'generations.jsonl': 4, 'preferences.jsonl': 1, images: summary.images } });
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const name of ['panels.jsonl', 'decisions.jsonl', 'generations.jsonl', 'preferences.jsonl', 'images/', 'manifest.json']) expect(readme).toContain(`## ${name}`);

    const files = Object.fromEntries(['panels', 'decisions', 'generations', 'preferences'].map((n) => [n, readJsonl(dir, `${n}.jsonl`)]));
    // Every field of every record is documented in the README.
    for (const n of ['panels', 'generations', 'preferences']) for (const key of Object.keys(files[n][0])) expect(readme, `${n}.${key}`).toContain(`\`${key}\``);

    const [p1, p2, p3] = files.panels;
    expect(p1).toMatchObject({ shot: '1A', scene: 1, scene_heading: 'INT. LIGHTHOUSE - NIGHT', shot_size: 'MCU', duration_ms: 2000, start_ms: 0, picked_variation_id: picked });
    // The picked picture's colours, as Insights extracted them when it was stored; a panel without a picture has none.
    const palette = p1.palette as string[];
    expect(palette.length).toBeGreaterThan(0);
    for (const hex of palette) expect(hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(p3.palette).toEqual([]);
    expect(p2).toMatchObject({ shot: '1B', start_ms: 2000, picked_variation_id: null });
    expect(p3).toMatchObject({ shot: '1C', shot_size: 'EWS', status: 'review', transition: 'dissolve', image: null });
    expect(p1.image).toBe(`images/${p1.image_sha256}.png`);

    const gens = files.generations;
    expect(gens.filter((g) => g.provider === 'openai').map((g) => [g.seed, g.picked, g.current])).toEqual([[7, false, false], [8, true, true], [9, false, false], [10, false, false]]);
    expect(gens[0]).toMatchObject({ model: 'gated-1', prompt_version: 1, prompt: 'Mara at the door, lit like cliff edge.png', negative_prompt: expect.any(String) });
    for (const key of ['requested_at', 'started_at', 'finished_at', 'created_at', 'prompt_version_id', 'job_id']) expect(gens[0][key], key).toEqual(expect.any(String));

    expect(files.preferences).toEqual([
      expect.objectContaining({
        prompt: 'Mara at the door, lit like cliff edge.png',
        chosen: gens.find((g) => g.variation_id === picked)!.image,
        chosen_variation_id: picked,
        rejected: rejected.map((id) => gens.find((g) => g.variation_id === id)!.image),
        rejected_variation_ids: rejected,
        why: 'Her eyeline reads best',
      }),
    ]);

    const kinds = files.decisions.map((d) => [d.kind, d.initial]);
    expect(kinds).toEqual([
      ['variation.picked', false],
      ['image.replaced', true],
      ['shot.size', false],
      ['shot.transition', false],
      ['panel.status', false],
      ['note', false],
    ]);

    // Every image named anywhere is in images/, once, named by the SHA-256 of its bytes; and nothing else is.
    const all = Object.values(files).flat();
    const named = new Set(strings(all).filter((s) => s.startsWith('images/')));
    const shas = new Set(strings(all).filter((s) => /^[0-9a-f]{64}$/.test(s)));
    const onDisk = fs.readdirSync(path.join(dir, 'images'));
    expect(new Set(onDisk.map((f) => `images/${f}`))).toEqual(named);
    expect(new Set(onDisk.map((f) => f.replace(/\.png$/, '')))).toEqual(shas);
    for (const f of onDisk) expect(sha256File(path.join(dir, 'images', f))).toBe(f.replace(/\.png$/, ''));
    expect(summary.images).toBe(onDisk.length);

    // No key and no path outside the folder, anywhere in it.
    const everything = [...fs.readdirSync(dir).filter((f) => f !== 'images').map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))].join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).toContain('Key pasted by mistake: [redacted]');
    for (const s of strings(all).concat(everything)) {
      expect(s).not.toContain('/home/someone');
      expect(s).not.toContain(path.dirname(h.file));
      expect(s).not.toContain('AppData');
      expect(s).not.toMatch(/(^|[\s"])\/(tmp|var|home|Users)\//);
    }
  });

  it('replaces an earlier dataset, refuses a folder holding other files, and leaves no temporary folder', async () => {
    const { h } = await boardWithPicks();
    const parent = tempDir('bw-dataset-');
    const dir = path.join(parent, 'out');
    await exportDataset(h.project, dir);
    fs.writeFileSync(path.join(dir, 'stale.txt'), 'from before');
    updatePanels(h.project, [h.panelIds[0]], { shotSize: 'CU' });
    const again = await exportDataset(h.project, dir);
    expect(fs.existsSync(path.join(dir, 'stale.txt'))).toBe(false);
    expect(readJsonl(dir, 'decisions.jsonl')).toHaveLength(again.decisions);
    expect(fs.readdirSync(parent)).toEqual(['out']);

    const other = path.join(parent, 'holiday photos');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'beach.jpg'), 'not a dataset');
    await expect(exportDataset(h.project, other)).rejects.toThrow(/already holds other files/);
    expect(fs.readdirSync(other)).toEqual(['beach.jpg']);
    fs.mkdirSync(path.join(parent, 'empty'));
    await exportDataset(h.project, path.join(parent, 'empty'));
    expect(fs.readdirSync(parent).sort()).toEqual(['empty', 'holiday photos', 'out']);
  });
});
