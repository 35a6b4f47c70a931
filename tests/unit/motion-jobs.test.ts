/** Issue 14: image-to-video jobs survive a restart: recorded before the create, resumed by the provider's id, never submitted twice. */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClip, readClipBytes } from '../../electron/core/motion/clip-store';
import { cancelMotionJob, readMotionJob, resumeMotionJobs, runMotionJob, stepMotionJob, submitMotionJob } from '../../electron/core/motion/motion-jobs';
import { RunwayProvider } from '../../electron/core/motion/runway';
import { VeoProvider } from '../../electron/core/motion/veo';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { RunwayFake } from '../fakes/runway-fake';
import { VeoFake } from '../fakes/veo-fake';
import { newProject } from './edit-helpers';

let fake: VeoFake;
let open: Project[] = [];
beforeEach(async () => {
  fake = new VeoFake(FAKE_KEY);
  fake.clip = await fakeClip();
  await fake.start();
});
afterEach(async () => {
  open.forEach((p) => p.close());
  open = [];
  await fake.stop();
});

const veo = () => new VeoProvider(settingsFor(fake.url), testDeps().deps);
const request = async (): Promise<VideoRequest> => ({ prompt: 'Push in on the lamp', seconds: 6, aspectRatio: '16:9', firstFrame: { mime: 'image/png', data: await fakePng(2) } });
const noWait = async () => undefined;
const track = (p: Project) => (open.push(p), p);
const creates = () => fake.requestsTo(/:predictLongRunning$/);

describe('motion jobs', () => {
  it('killed while polling and opened again: the job resumes by its operation name, exactly one create reached the provider, the clip is stored', async () => {
    fake.pollsBeforeDone = 3;
    const first = track(newProject('Motion'));
    const file = first.path;
    const job = await submitMotionJob(first.db, veo(), null, await request(), testContext().ctx);
    expect(job).toMatchObject({ state: 'running', remoteId: 'models/veo-3.1-fast-generate-preview/operations/op1', pollEveryMs: 10_000 });
    expect((await stepMotionJob(first.db, veo(), job.id, testContext().ctx)).state).toBe('running');
    // The app is killed here: the project closes mid-job.
    first.close();
    open = [];

    const again = track(Project.open(file));
    const resumed = resumeMotionJobs(again.db);
    expect(resumed.map((j) => j.id)).toEqual([job.id]);
    const done = await runMotionJob(again.db, veo(), job.id, testContext().ctx, noWait);
    expect(done.state).toBe('succeeded');
    expect(creates()).toHaveLength(1);
    expect(fake.requestsTo(/\/operations\//, 'GET')).toHaveLength(4);
    const clip = readClip(again.db, done.clipSha256!)!;
    expect(clip).toMatchObject({ width: 128, height: 72, frames: 24, fpsNum: 24, durationMs: 1000 });
    expect(readClipBytes(again.db, clip.sha256)!.equals(fake.clip)).toBe(true);
    // The request is on record without the picture's bytes.
    const recorded = JSON.parse(again.db.prepare('SELECT request FROM motion_jobs').pluck().get() as string);
    expect(recorded).toMatchObject({ prompt: 'Push in on the lamp', seconds: 6, firstFrame: { mime: 'image/png' } });
    expect(recorded.firstFrame).not.toHaveProperty('data');
    expect(fs.readFileSync(file).includes(Buffer.from(FAKE_KEY))).toBe(false);
  });

  it('a job the app stopped during its create becomes unknown and is never sent again; one past the result window expires', async () => {
    const p = track(newProject('Motion'));
    const hung = veo();
    const aborted = new AbortController();
    fake.enqueueFor(/:predictLongRunning$/, { hang: true });
    // The row is written before the create request goes out (which hangs: the process dies meanwhile).
    const pending = submitMotionJob(p.db, hung, null, await request(), testContext({ signal: aborted.signal }).ctx).catch(() => undefined);
    const [id] = p.db.prepare("SELECT id FROM motion_jobs WHERE state = 'submitting'").pluck().all() as string[];
    expect(id).toBeDefined();
    const row = p.db.prepare('SELECT state FROM motion_jobs WHERE id = ?');
    while (creates().length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(resumeMotionJobs(p.db)).toEqual([]);
    expect(row.pluck().get(id)).toBe('unknown');
    expect(readMotionJob(p.db, id)!.errorMessage).toContain('not submitted again');
    aborted.abort();
    await pending;

    const old = await submitMotionJob(p.db, veo(), null, await request(), testContext().ctx);
    p.db.prepare("UPDATE motion_jobs SET result_expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(old.id);
    expect(resumeMotionJobs(p.db)).toEqual([]);
    expect(readMotionJob(p.db, old.id)!.state).toBe('expired');
    expect(creates().length).toBe(2);
  });

  it('a safety block ends the job (not retried); a rate limit on a poll only pushes the next poll back; a download that is not a video fails it', async () => {
    const p = track(newProject('Motion'));
    fake.pollsBeforeDone = 0;
    fake.outcome = 'filtered';
    const blocked = await submitMotionJob(p.db, veo(), null, await request(), testContext().ctx);
    expect(await runMotionJob(p.db, veo(), blocked.id, testContext().ctx, noWait)).toMatchObject({ state: 'failed', errorKind: 'MODERATION' });

    fake.outcome = 'video';
    const slowed = await submitMotionJob(p.db, veo(), null, await request(), testContext().ctx);
    fake.enqueueFor(/\/operations\//, { status: 503, json: { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } } });
    const after = await stepMotionJob(p.db, veo(), slowed.id, testContext().ctx);
    expect(after).toMatchObject({ state: 'running', errorKind: 'SERVER' });
    expect(Date.parse(after.nextPollAt!) - Date.now()).toBeGreaterThan(15_000);
    expect((await runMotionJob(p.db, veo(), slowed.id, testContext().ctx, noWait)).state).toBe('succeeded');

    fake.clip = await fakePng(3);
    const notVideo = await submitMotionJob(p.db, veo(), null, await request(), testContext().ctx);
    expect(await runMotionJob(p.db, veo(), notVideo.id, testContext().ctx, noWait)).toMatchObject({ state: 'failed', errorKind: 'BAD_RESPONSE' });
  });

  it('cancel asks the provider to stop (Runway: DELETE the task) and ends the job', async () => {
    const runwayFake = new RunwayFake(FAKE_KEY);
    await runwayFake.start();
    try {
      const p = track(newProject('Motion'));
      const runway = new RunwayProvider(settingsFor(runwayFake.url), testDeps().deps);
      const job = await submitMotionJob(p.db, runway, null, await request(), testContext().ctx);
      expect(await cancelMotionJob(p.db, runway, job.id, testContext().ctx)).toMatchObject({ state: 'cancelled' });
      expect(runwayFake.cancelled).toEqual([job.remoteId]);
    } finally {
      await runwayFake.stop();
    }
  });
});
