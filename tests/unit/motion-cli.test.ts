/** Issue 14: `generate --video` (built-in and Veo), `--pick`, `--resume` after a kill, and `list --json` clip fields. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { listVariations } from '../../electron/core/generation/job-rows';
import { submitMotionJob } from '../../electron/core/motion/motion-jobs';
import { panelVideoRequest } from '../../electron/core/motion/motion-request';
import { VeoProvider } from '../../electron/core/motion/veo';
import { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { FAKE_KEY, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { VeoFake } from '../fakes/veo-fake';
import { cli, useCliHome } from './cli-runner';
import { makePng, tempDir } from './helpers';

const dir = tempDir('bw-motion-cli-');
useCliHome(dir);
let fake: VeoFake;
const env = { GEMINI_API_KEY: process.env.GEMINI_API_KEY, GEMINI_BASE_URL: process.env.GEMINI_BASE_URL };
beforeEach(async () => {
  fake = new VeoFake(FAKE_KEY);
  fake.clip = await fakeClip();
  await fake.start();
});
afterEach(async () => {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await fake.stop();
});

async function board(name: string): Promise<string> {
  const file = path.join(dir, `${name}.boardwright`);
  const p = Project.create(file, { title: name, aspectRatio: '16:9' });
  const scene = createScene(p, { patch: { heading: 'EXT. PIER - DAWN' } });
  await addImagePanels(p, { sceneId: scene.id, files: [{ name: 'a.png', bytes: await makePng(320, 180) }, { name: 'b.png', bytes: await makePng(320, 180, [20, 90, 200]) }] });
  p.close();
  return file;
}

describe('boardwright generate --video', () => {
  it('built-in, --pick 1: one clip per panel, progress on stderr, the clip picked; list --json gives clipSha256 and clipDurationMs', async () => {
    const file = await board('Pier');
    const r = await cli('generate', file, '--all', '--video', '--seconds', '1', '--pick', '1');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((l, k) => expect(l).toMatch(new RegExp(`^1${'AB'[k]}  builtin  camera-move  clip=[0-9a-f]{64}  1000ms  took \\d+ms  picked$`)));
    expect(r.err).toMatch(/1A: running \(builtin camera-move\)/);
    expect(r.err).toMatch(/1B: succeeded/);
    const listing = JSON.parse((await cli('list', file, '--json')).out);
    const panels = listing.scenes[0].panels;
    expect(panels.map((p: { clipSha256: string }) => p.clipSha256)).toEqual(lines.map((l) => l.split('  ')[3].slice(5)));
    expect(panels[0]).toMatchObject({ clipDurationMs: 1000, clipInMs: 0, clipAfter: 'hold' });
    expect((await cli('list', file)).out).toContain('[clip 1.0s]');
  }, 60_000);

  it('without --pick the clip is a variation only; bad flags are refused before anything is sent', async () => {
    const file = await board('NoPick');
    expect((await cli('generate', file, '--panel', '1A', '--video', '--seconds', '1')).code).toBe(0);
    expect(JSON.parse((await cli('list', file, '--json')).out).scenes[0].panels[0].clipSha256).toBeUndefined();
    const p = Project.open(file);
    expect(listVariations(p.db, p.board().scenes[0].panels[0].id).filter((v) => v.clip)).toHaveLength(1);
    p.close();
    expect((await cli('generate', file, '--panel', '1A', '--video', '--provider', 'openai')).err).toMatch(/--provider must be one of builtin, veo, runway, replicate, comfyui/);
    expect((await cli('generate', file, '--panel', '1A', '--video', '--pick', '2')).err).toMatch(/--pick takes 1/);
    expect((await cli('generate', file, '--panel', '1A', '--video', '--seconds', '99')).err).toMatch(/--seconds/);
  }, 60_000);

  it('--resume: a job a killed run left running is polled, never submitted again, and its --pick applied', async () => {
    const file = await board('Killed');
    process.env.GEMINI_API_KEY = FAKE_KEY;
    process.env.GEMINI_BASE_URL = fake.url;
    // What a killed `generate --video --provider veo --pick 1` leaves: a job recorded and submitted, its operation running.
    fake.pollsBeforeDone = 1_000_000;
    const p = Project.open(file);
    const panelId = p.board().scenes[0].panels[1].id;
    const veo = new VeoProvider(settingsFor(fake.url), testDeps().deps);
    const { request, promptVersionId } = await panelVideoRequest(p, panelId, 'veo', veo.capabilities(), { seconds: 6 });
    await submitMotionJob(p.db, veo, panelId, request, testContext().ctx, { promptVersionId, autoPick: true });
    p.db.prepare('UPDATE motion_jobs SET next_poll_at = ?').run(new Date().toISOString()); // the run was killed a while ago
    p.close();
    expect(fake.requestsTo(/:predictLongRunning$/)).toHaveLength(1);

    fake.pollsBeforeDone = 0;
    const r = await cli('generate', file, '--resume');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^1B  veo  veo-3.1-fast-generate-preview  clip=[0-9a-f]{64}  1000ms  took \d+ms  picked$/);
    expect(fake.requestsTo(/:predictLongRunning$/)).toHaveLength(1);
    expect(JSON.parse((await cli('list', file, '--json')).out).scenes[0].panels[1].clipDurationMs).toBe(1000);
    expect((await cli('generate', file, '--resume')).out).toMatch(/nothing to resume/);
  }, 60_000);
});
