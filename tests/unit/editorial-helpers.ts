/** Shared by the editorial tests: a small two-scene project with stills, a dissolve, a camera move and audio. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { setPanelFraming, setPanelTransition } from '../../electron/core/animatic/framing-commands';
import { importAudio } from '../../electron/core/audio/audio-commands';
import type { ConformPanel } from '../../electron/core/editorial/conform-plan';
import { COLOURS, flatPng, toneWav } from './animatic-helpers';

export const HEADINGS = ['INT. HOUSE - DAY', 'EXT. GARDEN – NIGHT & "fog" <2>'];

/**
 * Scene 1: 1A (1130 ms, shot facts, action and dialogue), 1B (870 ms, a 500 ms dissolve in), 1C (1500 ms).
 * Scene 2: 2A (700 ms, panel audio), 2B (2000 ms, a camera move). A music clip from 200 ms.
 */
export async function makeEditorialProject(file: string, opts: { fps?: number; audio?: boolean } = {}): Promise<Project> {
  const project = Project.create(file, { title: 'Hand-off "test" & co', aspectRatio: '2.39', fps: opts.fps ?? 24 });
  const s1 = createScene(project, { patch: { heading: HEADINGS[0] } });
  const s2 = createScene(project, { patch: { heading: HEADINGS[1] } });
  const png = (i: number) => flatPng(COLOURS[i], 640, 360).then((bytes) => ({ bytes, name: `p${i}.png` }));
  const a = await addImagePanels(project, { sceneId: s1.id, files: await Promise.all([0, 1, 2].map(png)) });
  const b = await addImagePanels(project, { sceneId: s2.id, files: await Promise.all([3, 4].map(png)) });
  updatePanels(project, [a[0].id], {
    durationMs: 1130, shotSize: 'CU', angle: 'Low', lensMm: 35, status: 'approved', action: 'She opens the door.', dialogue: 'Who’s there? <me> & you',
  });
  updatePanels(project, [a[1].id], { durationMs: 870 });
  updatePanels(project, [a[2].id], { durationMs: 1500 });
  updatePanels(project, [b[0].id], { durationMs: 700 });
  updatePanels(project, [b[1].id], { durationMs: 2000 });
  setPanelTransition(project, [a[1].id], 'dissolve', 500);
  setPanelFraming(project, b[1].id, { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 } });
  if (opts.audio !== false) {
    await importAudio(project, { bytes: toneWav(3000, 500, 300), fileName: 'theme music.wav', kind: 'track', track: 'music', startMs: 200 });
    await importAudio(project, { bytes: toneWav(600, 0, 200), fileName: 'line.wav', kind: 'panel', panelId: b[0].id, track: 'dialogue' });
  }
  return project;
}

/** The board's panels as a conform sees them. */
export function conformPanels(project: Project): ConformPanel[] {
  return project.board().scenes.flatMap((s) => s.panels.map((p) => ({ id: p.id, shotNumber: p.shotNumber, sceneId: s.id, durationMs: p.durationMs })));
}

/** libxml2's own check (Debian libxml2-utils, installed by .ci/run): well-formed or the error it prints. */
export function xmllint(file: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return 'ok';
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

/** fast-xml-parser, an independent reader: validates and parses, attributes under "@", every element an array. */
export function readXmlIndependently(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid)}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, parseTagValue: false, processEntities: true, htmlEntities: false }).parse(text);
}

/** Decoded path of a file:// URL (file:///a%20b or file://localhost/a%20b). */
export function urlPath(url: string): string {
  return decodeURIComponent(url.replace(/^file:\/\/(localhost)?/, ''));
}

export function listMedia(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
}

export const base = (p: string) => path.basename(p);
