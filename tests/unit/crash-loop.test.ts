/**
 * The crash loop: writers in their own processes (web mode and CLI edits) are killed with SIGKILL at
 * random moments, round after round. After every kill the project must pass SQLite's integrity and
 * foreign-key checks, open again, and hold every edit whose call had returned. The seed is printed, so a
 * failing round can be replayed (CRASH_SEED=...).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { tempDir } from './helpers';
import { buildOnce, killed, spawnCli, startWeb } from './processes';
import { seededRandom as random } from '../../shared/util/seeded-random';

const MIN_ROUNDS = 50;
const MAX_ROUNDS = 80;
/** Rounds go on past the minimum while time is left (about a minute in all). */
const BUDGET_MS = 55_000;


interface Tally {
  rounds: number;
  webRounds: number;
  cliRounds: number;
  acknowledged: number;
  cliAcknowledged: number;
  killedMidEdit: number;
}

describe('crash loop: writers killed with SIGKILL at random moments', () => {
  it(`${MIN_ROUNDS}+ rounds: the file stays whole and every acknowledged edit is there`, { timeout: 120_000 }, async () => {
    buildOnce();
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const rand = random(seed);
    const home = tempDir('bw-crash-');
    const file = path.join(home, 'Crash.boardwright');
    const setup = Project.create(file, { title: 'Crash' });
    const cliScene = createScene(setup, { patch: { heading: 'INT. CLI - NIGHT' } });
    for (let k = 0; k < MAX_ROUNDS; k++) createPanel(setup, { sceneId: cliScene.id, patch: { shotNumberOverride: `C${k}` } });
    const webScene = createScene(setup, { patch: { heading: 'EXT. WEB - DAY' } }).id;
    setup.close();

    /** What must be in the file: the action texts of acknowledged web creations, the notes of acknowledged CLI sets. */
    const actions = new Set<string>();
    const notes = new Map<string, string>();
    const tally: Tally = { rounds: 0, webRounds: 0, cliRounds: 0, acknowledged: 0, cliAcknowledged: 0, killedMidEdit: 0 };
    const started = Date.now();

    for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || Date.now() - started < BUDGET_MS); round++) {
      if (round % 2 === 0) {
        tally.webRounds++;
        const web = await startWeb(file, home);
        let alive = true;
        const kill = setTimeout(() => {
          alive = false;
          void web.kill();
        }, rand() * 150);
        for (let i = 0; alive; i++) {
          const action = `web ${round}.${i}`;
          const answer = await web.call('panels.create', { sceneId: webScene, patch: { action } }).catch(() => null);
          if (answer?.ok) {
            actions.add(action);
            tally.acknowledged++;
          } else if (answer === null) tally.killedMidEdit++;
        }
        clearTimeout(kill);
        await web.kill();
      } else {
        tally.cliRounds++;
        const shot = `C${round}`;
        const child = spawnCli(['set', file, shot, '--notes', `cli ${round}`]);
        const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
        const kill = setTimeout(() => void killed(child), 100 + rand() * 900);
        const code = await exit;
        clearTimeout(kill);
        if (code === 0) {
          notes.set(shot, `cli ${round}`);
          tally.acknowledged++;
          tally.cliAcknowledged++;
        } else if (code === null) tally.killedMidEdit++;
        else throw new Error(`the CLI failed on its own (exit ${code})`);
      }
      tally.rounds++;

      // The file after the kill: whole, and nothing acknowledged lost.
      const p = Project.open(file);
      try {
        expect(p.db.pragma('integrity_check', { simple: true }), `round ${round}, seed ${seed}`).toBe('ok');
        expect(p.db.pragma('foreign_key_check'), `round ${round}, seed ${seed}`).toEqual([]);
        const panels = p.board().scenes.flatMap((s) => s.panels);
        const present = new Set(panels.map((x) => x.action));
        for (const a of actions) expect(present.has(a), `${a} (seed ${seed})`).toBe(true);
        for (const [shot, text] of notes) expect(panels.find((x) => x.shotNumber === shot)?.notes, `${shot} (seed ${seed})`).toBe(text);
        // The undo history is whole too: the last edit can be undone and redone.
        if (p.history().canUndo) {
          p.undo();
          p.redo();
        }
      } finally {
        p.close();
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`crash loop: seed ${seed}, ${tally.rounds} rounds (${tally.webRounds} web, ${tally.cliRounds} CLI) in ${seconds} s, ` +
      `${tally.acknowledged} acknowledged edits checked (${tally.cliAcknowledged} by the CLI), ${tally.killedMidEdit} kills mid-edit, 0 failures`);
    expect(tally.rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
    expect(tally.acknowledged).toBeGreaterThan(0);
    expect(tally.killedMidEdit).toBeGreaterThan(0);
  });
});
