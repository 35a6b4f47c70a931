import { parseArgs } from 'node:util';
import { PROVIDER_IDS, type GenerationJob, type ProviderId } from '../../../shared/domain/generation';
import { CoreError } from '../../core/errors';
import { GenerationHub } from '../../core/generation/hub';
import { variationsOfJob } from '../../core/generation/job-rows';
import { composePrompt } from '../../core/generation/prompt-composer';
import { MAX_VARIATIONS } from '../../core/generation/generation-service';
import { Project } from '../../core/project';
import { pickVariation } from '../../core/generation/pick';
import { requireArg, UsageError } from '../usage';
import { VIDEO_PROVIDER_IDS } from '../../../shared/domain/motion';
import { generateVideo, resumeVideo } from './generate-video';

async function withProject<T>(file: string, fn: (project: Project) => Promise<T>): Promise<T> {
  const project = Project.open(file);
  try {
    return await fn(project);
  } finally {
    project.close();
  }
}

export const GENERATE_USAGE = `generate FILE (--panel SHOT_NUMBER | --all | --empty) [--provider ${PROVIDER_IDS.join('|')}]
      [--count K] [--seed S] [--prompt TEXT] [--pick N]
  generate FILE (--panel SHOT_NUMBER | --all | --empty) --video [--provider ${VIDEO_PROVIDER_IDS.join('|')}]
      [--model M] [--seconds N] [--seed S] [--prompt TEXT] [--pick 1]
  generate FILE --resume      (waits for the clip jobs a killed run left; never submits again)`;

function intOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}

/**
 * `boardwright generate`: generates variations for one panel, every panel, or every panel without a
 * picture (`--empty`, "board the script": the first variation of each goes into its panel), writes them
 * into the project file and prints one line per variation: shot, provider, model, seed, SHA-256, milliseconds.
 * Keys and addresses come from environment variables (OPENAI_API_KEY, COMFYUI_URL...).
 */
export async function runGenerate(args: string[], progress: (line: string) => void = (l) => void process.stderr.write(l)): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      panel: { type: 'string' },
      all: { type: 'boolean' },
      empty: { type: 'boolean' },
      provider: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      prompt: { type: 'string' },
      pick: { type: 'string' },
      video: { type: 'boolean' },
      seconds: { type: 'string' },
      model: { type: 'string' },
      resume: { type: 'boolean' },
    },
  });
  const file = requireArg(positionals[0], 'FILE');
  if (values.resume) return withProject(file, (project) => resumeVideo(project, progress));
  if ([!!values.panel, !!values.all, !!values.empty].filter(Boolean).length !== 1) throw new UsageError('Give one of --panel SHOT_NUMBER, --all or --empty.');
  if (!values.video && values.provider !== undefined && !(PROVIDER_IDS as readonly string[]).includes(values.provider)) {
    throw new UsageError(`--provider must be one of ${PROVIDER_IDS.join(', ')}.`);
  }
  const count = intOption(values.count, '--count', 1, MAX_VARIATIONS) ?? (values.empty ? 1 : 4);
  const seed = intOption(values.seed, '--seed', 0, 4_294_967_295);
  const pick = intOption(values.pick, '--pick', 1, MAX_VARIATIONS);
  if (pick !== undefined && pick > count && !values.video) throw new UsageError(`--pick ${pick} asks for a variation beyond the ${count} generated.`);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(seconds >= 1 && seconds <= 20)) throw new UsageError(`--seconds takes a length from 1 to 20, not "${values.seconds}".`);

  const project = Project.open(file);
  try {
    const hub = new GenerationHub(() => {});
    const providerId = (values.provider as ProviderId | undefined) ?? hub.settings.read().defaultProvider;
    const panels = project.board().scenes.flatMap((s) => (s.omitted ? [] : s.panels));
    const targets = values.all ? panels : values.empty ? panels.filter((p) => !p.omitted && !p.thumbSha256) : panels.filter((p) => p.shotNumber === values.panel);
    if (targets.length === 0) {
      if (values.empty) return `Every panel of ${project.name} has a picture: nothing to generate.`;
      throw new CoreError('NOT_FOUND', values.all ? `${project.name} has no panels.` : `No panel with shot number ${values.panel} in ${project.name}.`);
    }
    if (values.video) return await generateVideo(project, targets, { provider: values.provider, model: values.model, seconds, seed, prompt: values.prompt, pick }, progress);
    const service = hub.forProject(project);
    const started: { shot: string; job: GenerationJob }[] = targets.map((p) => {
      const composed = composePrompt(project, p.id);
      const prompt = values.prompt ?? composed.versions[0]?.text ?? composed.text;
      const negativePrompt = values.prompt === undefined ? (composed.versions[0]?.negative ?? composed.negative) : composed.negative;
      return { shot: p.shotNumber, job: service.start({ panelId: p.id, providerId, prompt, negativePrompt, count, seed }) };
    });
    await service.idle();
    const lines: string[] = [];
    const failures: string[] = [];
    for (const { shot, job } of started) {
      const done = service.job(job.id);
      if (done.status !== 'succeeded') {
        failures.push(`${shot}: ${done.error?.message ?? done.status}${done.error ? ` (${done.error.kind})` : ''}`);
        continue;
      }
      const variations = variationsOfJob(project.db, job.id);
      const chosen = variations[(pick ?? 1) - 1];
      if (pick !== undefined && chosen) await pickVariation(project, chosen.id);
      else if (values.empty && variations[0]) await pickVariation(project, variations[0].id, { why: 'Board the script: first picture' });
      for (const v of variations) {
        const picked = pick !== undefined && v.id === chosen?.id ? '  picked' : '';
        lines.push([shot, v.provider, v.model ?? '-', v.seed === null ? 'seed=-' : `seed=${v.seed}`, v.imageSha256, `${v.elapsedMs ?? 0}ms`].join('  ') + picked);
      }
    }
    if (failures.length > 0) {
      const done = lines.length ? `\n${lines.join('\n')}` : '';
      throw new CoreError('UNSUPPORTED', `${failures.length} of ${started.length} generation${started.length === 1 ? '' : 's'} failed:\n  ${failures.join('\n  ')}${done}`);
    }
    return lines.join('\n');
  } finally {
    project.close();
  }
}
