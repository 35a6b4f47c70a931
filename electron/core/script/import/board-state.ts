/**
 * The board as a re-import sees it: the scenes that came from the script (linked to a scene of the
 * latest import, or holding panels made from one) and, in each, its beats: the panels made from one
 * script element, grouped. Panels added by hand are not beats; a re-import leaves them where they are.
 */
import type { Db } from '../../db/connection';
import type { Beat, BoardScene, PanelMode } from './breakdown';
import { breakDown } from './breakdown';
import type { StoredScript } from './script-store';

/** script_element of a panel whose beat a re-import found cut from the script. */
export const CUT_BEAT = 'cut';

export interface LinkedPanel {
  id: string;
  position: number;
  omitted: boolean;
  scriptElement: string | null;
}

export interface LinkedScene {
  id: string;
  position: number;
  omitted: boolean;
  heading: string;
  number: string | null;
  synopsis: string;
  scriptScene: number | null;
  panels: LinkedPanel[];
  /** The scene as matching sees it: `index` is its place in `linked`, beat keys are the panels' ids. */
  asScript: BoardScene;
  /** Beat key -> the panels of that beat, in board order. */
  beatPanels: Map<string, LinkedPanel[]>;
}

interface SceneRow { id: string; position: number; heading: string; synopsis: string; script_number: string | null; omitted: number; script_scene: number | null }
interface PanelRow { id: string; scene_id: string; position: number; omitted: number; script_element: string | null; action: string; dialogue: string }

export function readLinkedScenes(db: Db, latest: StoredScript | null): LinkedScene[] {
  const scenes = db.prepare('SELECT id, position, heading, synopsis, script_number, omitted, script_scene FROM scenes ORDER BY position, id').all() as SceneRow[];
  const panels = db.prepare('SELECT id, scene_id, position, omitted, script_element, action, dialogue FROM panels ORDER BY position, id').all() as PanelRow[];
  const byScene = new Map<string, PanelRow[]>();
  for (const p of panels) byScene.set(p.scene_id, [...(byScene.get(p.scene_id) ?? []), p]);
  const scriptBeats = latestBeats(latest);
  const linked: LinkedScene[] = [];
  for (const s of scenes) {
    const rows = byScene.get(s.id) ?? [];
    if (s.script_scene === null && !rows.some((p) => p.script_element !== null)) continue;
    const beatPanels = new Map<string, LinkedPanel[]>();
    const byElement = new Map<string, LinkedPanel[]>();
    const beats: Beat[] = [];
    for (const p of rows) {
      if (p.script_element === null) continue;
      const panel = { id: p.id, position: p.position, omitted: p.omitted === 1, scriptElement: p.script_element };
      const group = p.script_element === CUT_BEAT ? undefined : byElement.get(p.script_element);
      if (group) {
        group.push(panel);
        continue;
      }
      beatPanels.set(p.id, [panel]);
      byElement.set(p.script_element, beatPanels.get(p.id)!);
      // The script's own text of the beat when the latest import still knows it, else the panel's.
      const fromScript = s.script_scene !== null && p.script_element.startsWith(`${s.script_scene}:`) ? scriptBeats.get(p.script_element) : undefined;
      beats.push({ key: p.id, action: fromScript?.action ?? p.action, dialogue: fromScript?.dialogue ?? p.dialogue, notes: '', transition: null, characters: [] });
    }
    linked.push({
      id: s.id, position: s.position, omitted: s.omitted === 1, heading: s.heading, number: s.script_number, synopsis: s.synopsis, scriptScene: s.script_scene,
      panels: rows.map((p) => ({ id: p.id, position: p.position, omitted: p.omitted === 1, scriptElement: p.script_element })),
      asScript: { index: linked.length, heading: s.heading, number: s.script_number, synopsis: s.synopsis, beats, elementBeats: [], characters: [], lineCount: 0, pageEighths: 0 },
      beatPanels,
    });
  }
  return linked;
}

function latestBeats(latest: StoredScript | null): Map<string, Beat> {
  const beats = new Map<string, Beat>();
  if (!latest) return beats;
  for (const s of breakDown(latest.screenplay, latest.mode as PanelMode)) for (const b of s.beats) beats.set(b.key, b);
  return beats;
}
