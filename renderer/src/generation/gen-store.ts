import { create } from 'zustand';
import type { ComposedPrompt, GenerationJob, ProviderId, ProviderInfo, Variation } from '../../../shared/domain/generation';

/** What the filmmaker has typed for a panel's next generation (kept while they click around). */
export interface PromptDraft {
  text: string;
  negative: string;
  /** The version the text was edited from (after a store: the version it is). */
  parentVersionId: string | null;
  /** Typed since it was last stored. */
  dirty?: boolean;
  /** The typed version this editing session stored: later stores in the session rewrite it. */
  sessionVersionId?: string | null;
}

export type SideTab = 'shot' | 'generate' | 'log' | 'script' | 'insights';
export type GenDialog = null | { kind: 'bible' } | { kind: 'settings' } | { kind: 'compare' } | { kind: 'pick'; variationId: string };

/** Generation state of the renderer: providers, jobs and variations as the core reported them, plus drafts. */
export interface GenState {
  tab: SideTab;
  providers: ProviderInfo[] | null;
  providerId: ProviderId;
  count: number;
  /** '' = a new random seed each time. */
  seed: string;
  jobs: Record<string, GenerationJob>;
  variations: Record<string, Variation[]>;
  composed: Record<string, ComposedPrompt>;
  drafts: Record<string, PromptDraft>;
  /** Recompose replaced typed text: the panel and the composed version, while the field still shows it (offers Undo). */
  replaced: { panelId: string; versionId: string } | null;
  /** Variations ticked for side-by-side comparison (2 to 4). */
  compare: string[];
  dialog: GenDialog;
  set(patch: Partial<Omit<GenState, 'set'>>): void;
}

export const useGenStore = create<GenState>()((set) => ({
  tab: 'shot',
  providers: null,
  providerId: 'builtin',
  count: 4,
  seed: '',
  jobs: {},
  variations: {},
  composed: {},
  drafts: {},
  replaced: null,
  compare: [],
  dialog: null,
  set: (patch) => set(patch),
}));

export const genState = () => useGenStore.getState();

export function upsertJob(job: GenerationJob): void {
  useGenStore.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }));
}

export function setVariations(panelId: string, list: Variation[]): void {
  useGenStore.setState((s) => ({ variations: { ...s.variations, [panelId]: list } }));
}

export function jobsOfPanel(jobs: Record<string, GenerationJob>, panelId: string): GenerationJob[] {
  return Object.values(jobs)
    .filter((j) => j.panelId === panelId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const isActive = (job: GenerationJob) => job.status === 'queued' || job.status === 'running';
