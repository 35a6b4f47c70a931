/**
 * Issue 14: motion jobs through the API both hosts use: the built-in provider end to end (clip
 * variation, pick, trim, undo), a Veo job resumed when the project is opened again (one create), cancel.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/events';
import type { ApiResult } from '../../shared/api/result';
import type { Board, Panel } from '../../shared/domain/board';
import type { Variation } from '../../shared/domain/generation';
import type { MotionJobView, VideoProviderInfo } from '../../shared/domain/motion';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { configureGeneration } from '../../electron/core/generation/hub';
import { configureMotion, motionHub } from '../../electron/core/motion/motion-hub';
import { UploadStore } from '../../electron/core/uploads/upload-store';
import { fakeClip } from '../fakes/fake-clip';
import { FAKE_KEY, testDeps } from '../fakes/provider-kit';
import { VeoFake } from '../fakes/veo-fake';
import { makePng, tempDir } from './helpers';

const shell: Shell = {
  kind: 'web',
  projectsDir: null,
  chooseNewProjectPath: async () => null,
  chooseProjectToOpen: async () => null,
  chooseCopyPath: async () => null,
  chooseSavePath: async () => null,
};

let fake: VeoFake;
let sessions: Session[] = [];
beforeEach(async () => {
  fake = new VeoFake(FAKE_KEY);
  fake.clip = await fakeClip();
  await fake.start();
});
afterEach(async () => {
  for (const s of sessions) {
    if (s.project) await motionHub(s).forProject(s.project).idle();
    s.close();
  }
  sessions = [];
  await fake.stop();
});

/** A host: session, generation and motion set up with the Veo fake's address and key, and its API. */
function host(dir: string) {
  const session = new Session(shell, path.join(dir, 'settings'));
  sessions.push(session);
  const events: AppEvent[] = [];
  session.events.subscribe((e) => events.push(e));
  configureGeneration(session, { settingsDir: path.join(dir, 'settings'), env: { GEMINI_API_KEY: FAKE_KEY, GEMINI_BASE_URL: fake.url } });
  configureMotion(session, testDeps().deps);
  const uploads = new UploadStore();
  const dispatch = createDispatch(createHandlers(session, uploads), () => {});
  const call = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const r = (await dispatch(method, input)) as ApiResult<T>;
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value;
  };
  return { session, events, call, uploads, idle: () => motionHub(session).forProject(session.requireProject()).idle() };
}

async function boardWithPictures(h: ReturnType<typeof host>, file: string): Promise<string[]> {
  await h.call('project.new', { path: file, title: 'Motion', aspectRatio: '16:9', fps: 24 });
  const scene = await h.call<{ id: string }>('scenes.create', {});
  const uploadIds = [await makePng(320, 180, [200, 40, 40]), await makePng(320, 180, [40, 40, 200])].map((b) => h.uploads.put('image', b).uploadId);
  const panels = await h.call<Panel[]>('panels.addImages', { sceneId: scene.id, files: uploadIds.map((uploadId, k) => ({ fileName: `${k}.png`, uploadId })) });
  return panels.map((p) => p.id);
}

describe('motion jobs through the API', () => {
  it('built-in: a clip per selected panel becomes a variation; picked, trimmed, looped and taken off, each undoable', async () => {
    const dir = tempDir('bw-motion-');
    const h = host(dir);
    const [a, b] = await boardWithPictures(h, path.join(dir, 'm.boardwright'));
    const providers = await h.call<VideoProviderInfo[]>('motion.providers');
    expect(providers.map((p) => [p.id, p.ready])).toEqual([['builtin', true], ['veo', true], ['runway', false], ['replicate', false], ['comfyui', true]]);
    expect(providers.find((p) => p.id === 'runway')!.setup).toBe('Set RUNWAY_API_KEY.');

    const jobs = await h.call<MotionJobView[]>('motion.start', { panelIds: [a, b], providerId: 'builtin', seconds: 1 });
    expect(jobs.map((j) => [j.panelId, j.state])).toEqual([[a, 'submitting'], [b, 'submitting']]);
    await h.idle();
    const done = await h.call<MotionJobView[]>('motion.jobs', { panelId: a });
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ state: 'succeeded', provider: 'builtin', request: { seconds: 1, aspectRatio: '16:9' } });
    expect(h.events.filter((e) => e.kind === 'motion.updated' && e.job.id === jobs[0].id).map((e) => (e as { job: MotionJobView }).job.state)).toContain('succeeded');
    expect(h.events.some((e) => e.kind === 'variations.added' && e.panelId === b)).toBe(true);

    const clipVariation = (await h.call<Variation[]>('variations.list', { panelId: a })).find((v) => v.clip)!;
    expect(clipVariation).toMatchObject({ provider: 'builtin', model: 'camera-move', current: false, clip: { frames: 24, fpsNum: 24, fpsDen: 1, height: 720, width: 1280 } });
    expect(done[0].variationId).toBe(clipVariation.id);

    const picked = await h.call<Panel>('variations.pick', { variationId: clipVariation.id, why: 'the push-in' });
    expect(picked.clip).toMatchObject({ sha256: clipVariation.clip!.sha256, inMs: 0, after: 'hold' });
    expect(await h.call<Panel>('panels.setClipTiming', { panelId: a, inMs: 500, after: 'loop' })).toMatchObject({ clip: { inMs: 500, after: 'loop' } });
    expect((await h.call<Panel>('panels.removeClip', { panelId: a })).clip).toBeNull();
    await h.call('history.undo');
    await h.call('history.undo');
    const board = await h.call<Board>('board.get');
    expect(board.scenes[0].panels[0].clip).toMatchObject({ inMs: 0, after: 'hold' });
  }, 60_000);

  it('a panel with no picture is refused before anything is sent, and says why', async () => {
    const dir = tempDir('bw-motion-');
    const h = host(dir);
    await h.call('project.new', { path: path.join(dir, 'e.boardwright'), title: 'Empty', aspectRatio: '16:9', fps: 24 });
    const scene = await h.call<{ id: string }>('scenes.create', {});
    const panel = await h.call<Panel>('panels.create', { sceneId: scene.id });
    await expect(h.call('motion.start', { panelIds: [panel.id], providerId: 'veo', seconds: 6 })).rejects.toThrow(/has no picture yet/);
    expect(fake.requestsTo(/:predictLongRunning$/)).toHaveLength(0);
  });

  it('Veo: closed while the job runs, opened again by another process: polling resumes, one create, the clip arrives as a variation', async () => {
    fake.pollsBeforeDone = 1_000_000;
    const dir = tempDir('bw-motion-');
    const file = path.join(dir, 'v.boardwright');
    const first = host(dir);
    const [a] = await boardWithPictures(first, file);
    const [job] = await first.call<MotionJobView[]>('motion.start', { panelIds: [a], providerId: 'veo', seconds: 6, prompt: 'Slow push in on the red door' });
    const create = async () => {
      while (fake.requestsTo(/\/operations\//).length < 2) await new Promise((r) => setTimeout(r, 5));
    };
    await create();
    expect(JSON.parse(fake.requestsTo(/:predictLongRunning$/)[0].body.toString())).toMatchObject({ instances: [{ prompt: 'Slow push in on the red door' }], parameters: { durationSeconds: 6, aspectRatio: '16:9' } });
    first.session.close();
    sessions = sessions.filter((s) => s !== first.session);

    fake.pollsBeforeDone = 0;
    const second = host(dir);
    await second.call('project.open', { path: file });
    await second.idle();
    const [again] = await second.call<MotionJobView[]>('motion.jobs', { panelId: a });
    expect(again).toMatchObject({ id: job.id, state: 'succeeded', provider: 'veo' });
    expect(fake.requestsTo(/:predictLongRunning$/)).toHaveLength(1);
    const clip = (await second.call<Variation[]>('variations.list', { panelId: a })).find((v) => v.clip);
    expect(clip).toMatchObject({ provider: 'veo', clip: { frames: 24 } });
    expect(JSON.stringify(await second.call('motion.jobs', {}))).not.toContain(FAKE_KEY);
  });

  it('cancel: the job ends as cancelled at once and its clip is never fetched', async () => {
    fake.pollsBeforeDone = 1_000_000;
    const dir = tempDir('bw-motion-');
    const h = host(dir);
    const [a] = await boardWithPictures(h, path.join(dir, 'c.boardwright'));
    const [job] = await h.call<MotionJobView[]>('motion.start', { panelIds: [a], providerId: 'veo', seconds: 4 });
    while (fake.requestsTo(/\/operations\//).length < 1) await new Promise((r) => setTimeout(r, 5));
    expect(await h.call<MotionJobView>('motion.cancel', { jobId: job.id })).toMatchObject({ state: 'cancelled', errorKind: 'CANCELLED' });
    fake.pollsBeforeDone = 0;
    await h.idle();
    expect((await h.call<MotionJobView[]>('motion.jobs', {}))[0].state).toBe('cancelled');
    expect(fake.requestsTo(/\/storage\//)).toHaveLength(0);
  });
});
