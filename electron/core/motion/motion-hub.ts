/**
 * Motion for a session: which video providers are set up (from the same keys and settings as the
 * still providers) and the job service of the open project, which resumes its jobs as the project opens.
 */
import type { AppEvent } from '../../../shared/api/events';
import type { MotionJobView, VideoProviderInfo } from '../../../shared/domain/motion';
import { VIDEO_PROVIDER_IDS, VIDEO_PROVIDER_LABELS, type VideoProviderId } from '../../../shared/domain/motion';
import { CoreError } from '../errors';
import { generationHub, type GenerationHub } from '../generation/hub';
import type { Project } from '../project';
import { defaultDeps } from '../providers/retry';
import type { ProviderDeps } from '../providers/types';
import type { Session } from '../session';
import { MotionService } from './motion-service';
import { makeVideoProvider, videoProviderInfo, videoSettings, videoSetupProblem } from './video-providers';
import type { VideoProvider } from './video-provider';

/** Longest wait for one exchange with a video provider (a download of a long clip included). */
const TIMEOUT_MS = 300_000;

export class MotionHub {
  private service: MotionService | null = null;

  constructor(
    private readonly generation: () => GenerationHub,
    private readonly emit: (event: AppEvent) => void,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  /** A provider ready to run, or a BAD_INPUT error saying what to set. */
  provider(id: VideoProviderId): VideoProvider {
    const settings = videoSettings(id, this.generation().providerSettings(), this.generation().env);
    const problem = videoSetupProblem(id, settings);
    if (problem) throw new CoreError('BAD_INPUT', `${VIDEO_PROVIDER_LABELS[id]} is not set up: ${problem}`);
    return makeVideoProvider(id, settings, this.deps);
  }

  list(): VideoProviderInfo[] {
    const stills = this.generation().providerSettings();
    return VIDEO_PROVIDER_IDS.map((id) => {
      const settings = videoSettings(id, stills, this.generation().env);
      return videoProviderInfo(makeVideoProvider(id, settings, this.deps), videoSetupProblem(id, settings));
    });
  }

  /** The job service of `project`, made (and its unfinished jobs resumed) on first use. */
  forProject(project: Project): MotionService {
    if (this.service?.project === project && project.db.open) return this.service;
    this.service?.dispose();
    this.service = new MotionService(project, {
      provider: (id) => this.provider(id),
      emit: this.emit,
      secrets: () => this.generation().secrets(),
      timeoutMs: TIMEOUT_MS,
      sleep: (ms, signal) => this.deps.sleep(ms, signal),
    });
    this.service.resume();
    return this.service;
  }

  jobs(project: Project, panelId?: string): MotionJobView[] {
    return this.forProject(project).jobs(panelId);
  }

  dispose(): void {
    this.service?.dispose();
    this.service = null;
  }
}

const hubs = new WeakMap<Session, MotionHub>();

/**
 * Sets up motion for a session (tests pass provider deps with a fake clock). From then on every project
 * the session opens resumes its unfinished jobs as it opens.
 */
export function configureMotion(session: Session, deps: ProviderDeps = defaultDeps()): MotionHub {
  hubs.get(session)?.dispose();
  const hub = new MotionHub(() => generationHub(session), (event) => session.events.emit(event), deps);
  hubs.set(session, hub);
  session.onProjectOpened((project) => hubs.get(session) === hub && hub.forProject(project));
  session.onProjectClosed(() => hub.dispose());
  return hub;
}

export function motionHub(session: Session): MotionHub {
  return hubs.get(session) ?? configureMotion(session);
}
