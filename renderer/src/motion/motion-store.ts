import { create } from 'zustand';
import type { MotionJobView, VideoProviderId, VideoProviderInfo } from '../../../shared/domain/motion';

/** Which kind of generation the Generate tab offers: pictures (variations) or motion clips. */
export type GenerateMode = 'stills' | 'motion';

/** The Motion side of the Generate tab: providers, the form's choices, and image-to-video jobs. */
export interface MotionState {
  mode: GenerateMode;
  providers: VideoProviderInfo[] | null;
  providerId: VideoProviderId;
  /** '' = the provider's default model. */
  model: string;
  seconds: number;
  /** '' = the provider picks (a new random one each time). */
  seed: string;
  negative: string;
  jobs: Record<string, MotionJobView>;
}

export const useMotionStore = create<MotionState>()(() => ({
  mode: 'stills',
  providers: null,
  providerId: 'builtin',
  model: '',
  seconds: 4,
  seed: '',
  negative: '',
  jobs: {},
}));

export const motionState = () => useMotionStore.getState();

export function upsertMotionJob(job: MotionJobView): void {
  useMotionStore.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }));
}

/** The jobs of some panels, newest first. */
export function motionJobsOf(jobs: Record<string, MotionJobView>, panelIds: readonly string[]): MotionJobView[] {
  const wanted = new Set(panelIds);
  return Object.values(jobs)
    .filter((j) => j.panelId !== null && wanted.has(j.panelId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const isMotionActive = (job: MotionJobView) => job.state === 'submitting' || job.state === 'running';

/** The selected provider's info (null before the list arrives). */
export function currentProvider(s: Pick<MotionState, 'providers' | 'providerId'>): VideoProviderInfo | null {
  return s.providers?.find((p) => p.id === s.providerId) ?? null;
}
