/**
 * Builds the prompt for a panel from what the board already knows: the shot (size, angle, lens, move,
 * action, who is in it), the scene, the project's style bible and its characters. The filmmaker edits
 * it before it is sent; what is sent is kept as a prompt version (see prompt-versions.ts).
 */
import type { Character, ComposedPrompt, ReferenceImage, StyleBible } from '../../../shared/domain/generation';
import type { Panel } from '../../../shared/domain/board';
import { listCharacterRows, listStyleReferences, panelCastIds, readStyleBible } from '../characters/character-queries';
import type { Project } from '../project';
import { listPromptVersions } from './prompt-versions';

const SHOT_SIZE_WORDS: Record<string, string> = {
  ECU: 'extreme close-up',
  CU: 'close-up',
  MCU: 'medium close-up',
  MS: 'medium shot',
  MWS: 'medium wide shot',
  WS: 'wide shot',
  EWS: 'extreme wide shot, figures small in the landscape',
  OTS: 'over-the-shoulder shot',
  POV: 'point-of-view shot',
  INSERT: 'insert shot of a detail',
};

const ANGLE_WORDS: Record<string, string> = {
  'eye level': 'eye-level camera',
  high: 'high angle looking down',
  low: 'low angle looking up',
  dutch: 'dutch angle, tilted horizon',
  "bird's-eye": "bird's-eye view from directly above",
  "worm's-eye": "worm's-eye view from the ground",
};

const MOVE_WORDS: Record<string, string> = {
  static: 'locked-off static camera',
  pan: 'camera pans',
  tilt: 'camera tilts',
  'dolly in': 'camera dollies in',
  'dolly out': 'camera dollies out',
  truck: 'camera trucks sideways',
  'zoom in': 'zooming in',
  'zoom out': 'zooming out',
  crane: 'crane shot',
  handheld: 'handheld camera',
};

export function lensWords(mm: number): string {
  const n = Number.isInteger(mm) ? String(mm) : mm.toFixed(1);
  if (mm < 24) return `ultra-wide ${n}mm lens, strong perspective distortion`;
  if (mm < 40) return `wide-angle ${n}mm lens, deep perspective`;
  if (mm <= 60) return `${n}mm lens, natural perspective`;
  if (mm <= 105) return `${n}mm portrait lens, shallow depth of field`;
  return `${n}mm telephoto lens, compressed background`;
}

/** "Pencil storyboard sketch." "MCU, low angle, 35mm, dolly in." etc. Empty parts are left out. */
export function shotSentence(panel: Pick<Panel, 'shotSize' | 'angle' | 'lensMm' | 'cameraMove'>): string {
  const parts = [
    panel.shotSize ? (SHOT_SIZE_WORDS[panel.shotSize] ?? panel.shotSize) : null,
    panel.angle ? (ANGLE_WORDS[panel.angle] ?? panel.angle) : null,
    panel.lensMm ? lensWords(panel.lensMm) : null,
    panel.cameraMove ? (MOVE_WORDS[panel.cameraMove] ?? panel.cameraMove) : null,
  ].filter(Boolean);
  return parts.length ? `${capitalise(parts.join(', '))}.` : '';
}

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return t && !/[.!?…]$/.test(t) ? `${t}.` : t;
};

export interface PromptInputs {
  panel: Pick<Panel, 'shotSize' | 'angle' | 'lensMm' | 'cameraMove' | 'action'>;
  sceneHeading: string;
  aspectRatio: string;
  bible: StyleBible;
  cast: Pick<Character, 'name' | 'description'>[];
}

/** The prompt text from its inputs: style first (it sets the look), then the shot, the action, who and where. */
export function composeText(inputs: PromptInputs): string {
  const { panel, bible, cast } = inputs;
  const lines: string[] = [];
  if (bible.medium.trim()) lines.push(sentence(capitalise(bible.medium.trim())));
  const shot = shotSentence(panel);
  if (shot) lines.push(shot);
  if (panel.action.trim()) lines.push(sentence(panel.action));
  if (cast.length) {
    const who = cast.map((c) => (c.description.trim() ? `${c.name} (${c.description.trim().replace(/\.$/, '')})` : c.name));
    lines.push(`In frame: ${who.join('; ')}.`);
  }
  if (inputs.sceneHeading.trim()) lines.push(`Setting: ${sentence(inputs.sceneHeading)}`);
  const look = [
    bible.tone.trim() && `tone: ${bible.tone.trim()}`,
    bible.palette.trim() && `palette: ${bible.palette.trim()}`,
    bible.era.trim() && `era: ${bible.era.trim()}`,
  ].filter(Boolean);
  if (look.length) lines.push(sentence(capitalise(look.join('; '))));
  if (bible.notes.trim()) lines.push(sentence(bible.notes));
  lines.push(`Frame ${inputs.aspectRatio}.`);
  return lines.join(' ');
}

/** Reference images a provider that takes them gets: style references, then each cast member's. */
export const MAX_REFERENCES = 8;

export function composePrompt(project: Project, panelId: string): ComposedPrompt {
  const panel = project.panel(panelId);
  const scene = project.scene(panel.sceneId);
  const bible = readStyleBible(project.db);
  const castIds = new Set(panelCastIds(project.db, panelId));
  const cast = listCharacterRows(project.db).filter((c) => castIds.has(c.id));
  const references: ReferenceImage[] = [];
  for (const r of listStyleReferences(project.db)) references.push({ sha256: r.imageSha256, kind: 'style', label: r.note ? `Style: ${r.note}` : 'Style' });
  for (const c of cast) for (const img of c.images) references.push({ sha256: img.sha256, kind: 'character', label: c.name });
  const versions = listPromptVersions(project.db, panelId);
  return {
    panelId,
    text: composeText({ panel, sceneHeading: scene.heading, aspectRatio: aspectLabel(project.info().aspectRatio), bible, cast }),
    negative: bible.negative,
    references: dedupe(references).slice(0, MAX_REFERENCES),
    cast: cast.map((c) => c.name),
    versions,
    current: versions.find((v) => v.id === panel.promptVersionId) ?? versions.find((v) => v.source === 'sent') ?? null,
  };
}

function dedupe(refs: ReferenceImage[]): ReferenceImage[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.sha256) && (seen.add(r.sha256), true));
}

/** The project's aspect label as a ratio providers understand: "2.39" -> "2.39:1". */
export function aspectLabel(aspect: string): string {
  return aspect.includes(':') ? aspect : `${aspect}:1`;
}
