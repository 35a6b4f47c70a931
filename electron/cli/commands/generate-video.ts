/**
 * `boardwright generate --video` and `--resume`: image-to-video jobs from the command line. Waits for
 * the clips with progress on stderr; killed and run again with --resume, it polls the jobs already
 * submitted (never submitting again) and applies their --pick.
 */
import type { AppEvent } from '../../../shared/api/events';
import type { Panel } from '../../../shared/domain/board';
import { VIDEO_PROVIDER_IDS, type MotionJobView, type VideoProviderId } from '../../../shared/domain/motion';
import { CoreError } from '../../core/errors';
import { GenerationHub } from '../../core/generation/hub';
import { MotionHub } from '../../core/motion/motion-hub';
import type { MotionService } from '../../core/motion/motion-service';
import type { Project } from '../../core/project';
import { UsageError } from '../usage';

export interface VideoOptions {
  provider?: string;
  model?: string;
  seconds?: number;
  seed?: number;
  prompt?: string;
  /** Pick the clip into its panel when done (a job makes one clip, so only 1 is meaningful). */
  pick?: number;
}

const HEARTBEAT_MS = 15_000;

/** Prints each job's state changes, and a line now and then while clips are still on their way. */
function progressPrinter(project: Project, write: (line: string) => void) {
  const last = new Map<string, string>();
  const shot = (panelId: string | null) => {
    try {
      return panelId ? project.panel(panelId).shotNumber : '?';
    } catch {
      return '?';
    }
  };
  return (event: AppEvent) => {
    if (event.kind !== 'motion.updated') return;
    const j = event.job;
    if (last.get(j.id) === j.state) return;
    last.set(j.id, j.state);
    const why = j.errorMessage && j.state !== 'succeeded' ? `: ${j.errorMessage}` : '';
    write(`${shot(j.panelId)}: ${j.state} (${j.provider}${j.model ? ` ${j.model}` : ''})${why}\n`);
  };
}

function report(project: Project, jobs: MotionJobView[]): string {
  const failures: string[] = [];
  const lines: string[] = [];
  for (const j of jobs) {
    const shot = j.panelId ? project.panel(j.panelId).shotNumber : '?';
    if (j.state === 'running') {
      failures.push(`${shot}: still running at ${j.provider}, not followed here (is ${j.provider} set up in this environment?); run --resume again`);
      continue;
    }
    if (j.state !== 'succeeded') {
      failures.push(`${shot}: ${j.errorMessage ?? j.state}${j.errorKind ? ` (${j.errorKind})` : ''}`);
      continue;
    }
    const v = project.db.prepare('SELECT v.clip_sha256 AS sha, c.duration_ms AS ms, v.elapsed_ms AS took FROM variations v JOIN clips c ON c.sha256 = v.clip_sha256 WHERE v.id = ?').get(j.variationId) as
      | { sha: string; ms: number; took: number | null }
      | undefined;
    const picked = j.panelId && project.panel(j.panelId).clip?.sha256 === v?.sha ? '  picked' : '';
    lines.push([shot, j.provider, j.model ?? '-', `clip=${v?.sha ?? '-'}`, `${v?.ms ?? 0}ms`, `took ${v?.took ?? 0}ms`].join('  ') + picked);
  }
  if (failures.length > 0) {
    const done = lines.length ? `\n${lines.join('\n')}` : '';
    throw new CoreError('UNSUPPORTED', `${failures.length} of ${jobs.length} clip${jobs.length === 1 ? '' : 's'} did not arrive:\n  ${failures.join('\n  ')}${done}`);
  }
  return lines.join('\n');
}

async function waitWithHeartbeat(service: MotionService, write: (line: string) => void): Promise<void> {
  const beat = setInterval(() => {
    const waiting = service.jobs().filter((j) => j.state === 'running' || j.state === 'submitting').length;
    if (waiting > 0) write(`waiting for ${waiting} clip${waiting === 1 ? '' : 's'}...\n`);
  }, HEARTBEAT_MS);
  try {
    await service.idle();
  } finally {
    clearInterval(beat);
  }
}

function motionFor(project: Project, write: (line: string) => void): MotionService {
  const generation = new GenerationHub(() => {});
  const hub = new MotionHub(() => generation, progressPrinter(project, write));
  return hub.forProject(project);
}

/** Submits one clip job per target panel and waits for them all. */
export async function generateVideo(project: Project, targets: Panel[], o: VideoOptions, write: (line: string) => void): Promise<string> {
  if (o.provider !== undefined && !(VIDEO_PROVIDER_IDS as readonly string[]).includes(o.provider)) throw new UsageError(`--provider must be one of ${VIDEO_PROVIDER_IDS.join(', ')} with --video.`);
  if (o.pick !== undefined && o.pick !== 1) throw new UsageError('A clip job makes one clip: with --video, --pick takes 1.');
  const service = motionFor(project, write);
  const jobs = await service.start({
    panelIds: targets.map((p) => p.id),
    providerId: (o.provider as VideoProviderId | undefined) ?? 'builtin',
    seconds: o.seconds ?? 4,
    ...(o.model ? { model: o.model } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.prompt ? { prompt: o.prompt } : {}),
    autoPick: o.pick === 1,
  });
  await waitWithHeartbeat(service, write);
  return report(project, jobs.map((j) => service.jobs().find((x) => x.id === j.id)!));
}

/** Polls the jobs a killed run left running (opening the project resumes them) and reports every job that was still open. */
export async function resumeVideo(project: Project, write: (line: string) => void): Promise<string> {
  const open = project.db.prepare("SELECT id FROM motion_jobs WHERE state IN ('running', 'submitting')").pluck().all() as string[];
  if (open.length === 0) return `No clip jobs of ${project.name} are waiting: nothing to resume.`;
  const service = motionFor(project, write);
  await waitWithHeartbeat(service, write);
  return report(project, service.jobs().filter((j) => open.includes(j.id)));
}
