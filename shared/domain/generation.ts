import type { ClipInfo } from './clip';
/**
 * Generation, prompts, characters, style and the creative decision log, as the renderer and the CLI
 * see them. Pure types and vocabularies: no provider ever talks to the renderer, and no key is here.
 */

export const PROVIDER_IDS = ['builtin', 'openai', 'gemini', 'stability', 'replicate', 'comfyui', 'a1111'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  builtin: 'Built-in sketch',
  openai: 'OpenAI Images',
  gemini: 'Google Gemini',
  stability: 'Stability AI',
  replicate: 'Replicate',
  comfyui: 'ComfyUI',
  a1111: 'AUTOMATIC1111 / Forge',
};

/** What a provider can do; the UI hides what it cannot. */
export interface ProviderCapabilities {
  textToImage: boolean;
  referenceImages: boolean;
  initImage: boolean;
  /** Images one call can return; more variations mean more calls. */
  maxPerCall: number;
  /** Ratios accepted natively ('any' = free width and height); others are snapped to the nearest. */
  aspectRatios: readonly string[] | 'any';
  seed: boolean;
  negativePrompt: boolean;
}

/** A provider in the picker: never its key, only whether one is set and where it comes from. */
export interface ProviderInfo {
  id: ProviderId;
  label: string;
  capabilities: ProviderCapabilities;
  /** Ready to generate: a key (where one is needed) and a base URL are known. */
  configured: boolean;
  /** Why it is not configured, in words ("Set OPENAI_API_KEY or add a key in Settings"). */
  missing: string | null;
  /** Runs on this computer or needs no network at all. */
  local: boolean;
  baseUrl: string | null;
  /** The model chosen in settings, or null for the provider's default. */
  model: string | null;
  defaultModel: string;
  concurrency: number;
  /** Where the key comes from: the OS keychain (app), environment variables (CLI, web), or no key needed. */
  keySource: 'keychain' | 'env' | 'none';
  hasKey: boolean;
  /** Environment variables this provider reads, and whether each is set (never their values). */
  env: { name: string; set: boolean }[];
}

/** App settings for generation (kept in the app's settings folder, never in a project file). */
export interface ProviderSettingsView {
  defaultProvider: ProviderId;
  /** Whether keys can be typed in (Electron keychain) or come from the environment (CLI, web mode). */
  keyEntry: 'keychain' | 'env';
  /** Set when keys are stored but the OS offers no real protection (Linux without a keyring). */
  keyWarning: string | null;
  providers: ProviderInfo[];
}

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Why a job failed, as the provider layer classifies it (AUTH, QUOTA_EXHAUSTED, MODERATION...). */
export interface JobError {
  kind: string;
  message: string;
}

export interface GenerationJob {
  id: string;
  panelId: string | null;
  promptVersionId: string | null;
  provider: ProviderId;
  model: string | null;
  count: number;
  seed: number | null;
  /** Sent the panel's current picture as the init or reference image. */
  refine: boolean;
  status: JobStatus;
  /** 0..1 while running. */
  progress: number;
  attempts: number;
  error: JobError | null;
  /** Variations this job has stored so far. */
  variationCount: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Failures the user must act on (not retried automatically, shown at once). */
export const STOP_ERRORS = ['QUOTA_EXHAUSTED', 'MODERATION', 'AUTH', 'CONFIG'] as const;

/** Where a picked picture goes when the panel has strokes: under them (the reference layer), or in place of them. */
export const PICK_DRAWINGS = ['under', 'replace'] as const;
export type PickDrawing = (typeof PICK_DRAWINGS)[number];

export interface Variation {
  id: string;
  panelId: string;
  jobId: string | null;
  promptVersionId: string | null;
  imageSha256: string;
  width: number;
  height: number;
  /** A provider id, or 'import' for an image the panel had before it was replaced. */
  provider: string;
  model: string | null;
  seed: number | null;
  params: Record<string, unknown>;
  elapsedMs: number | null;
  usage: Record<string, unknown> | null;
  costUsd: number | null;
  createdAt: string;
  /** This variation's image (and clip, for a clip) is the panel's now. */
  current: boolean;
  /** A motion clip variation: the clip (imageSha256 is its poster frame); null for a still. */
  clip: ClipInfo | null;
}

/** Where a prompt version came from: sent to a provider, typed in the prompt field, or composed by Recompose. */
export const PROMPT_SOURCES = ['sent', 'typed', 'composed'] as const;
export type PromptSource = (typeof PROMPT_SOURCES)[number];

export interface PromptVersion {
  id: string;
  panelId: string | null;
  parentId: string | null;
  text: string;
  negative: string;
  params: Record<string, unknown>;
  source: PromptSource;
  createdAt: string;
}

/** An image a provider that takes references receives with the prompt. */
export interface ReferenceImage {
  sha256: string;
  kind: 'style' | 'character';
  /** "Style: warm sodium light" or "MAYA". */
  label: string;
}

/** The prompt the composer proposes for a panel, which the user edits before sending. */
export interface ComposedPrompt {
  panelId: string;
  text: string;
  negative: string;
  references: ReferenceImage[];
  /** Names of the characters in the shot. */
  cast: string[];
  /** Earlier prompts of this panel (sent, typed or recomposed), newest first. */
  versions: PromptVersion[];
  /** The version the prompt field shows: the panel's own choice, else the newest one sent; null for the composed text. */
  current: PromptVersion | null;
}

export interface StyleBible {
  /** e.g. "pencil storyboard sketch" */
  medium: string;
  tone: string;
  palette: string;
  era: string;
  /** Anything else every prompt should say. */
  notes: string;
  /** Said to providers that take a negative prompt. */
  negative: string;
}

export const EMPTY_STYLE_BIBLE: StyleBible = { medium: '', tone: '', palette: '', era: '', notes: '', negative: '' };

export interface StyleReference {
  id: string;
  imageSha256: string;
  note: string;
}

export interface StyleState {
  bible: StyleBible;
  references: StyleReference[];
}

export interface Character {
  id: string;
  name: string;
  description: string;
  images: { id: string; sha256: string }[];
  /** How many panels the character appears in. */
  panelCount: number;
}

/**
 * Kinds of entries in the creative decision log. Automatic: a variation picked, a shot field, the
 * transition or the status changed, an image replaced, a scene heading edited, a panel moved or
 * deleted, a script (re-)imported, an editorial conform. Manual: a note with a why.
 */
export const DECISION_KINDS = [
  'variation.picked',
  'shot.size',
  'shot.angle',
  'shot.lens',
  'shot.move',
  'shot.duration',
  'shot.transition',
  'panel.status',
  'image.replaced',
  'scene.heading',
  'panel.moved',
  'panel.deleted',
  'script.imported',
  'editorial.conform',
  'note',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Record<DecisionKind, string> = {
  'variation.picked': 'Variation picked',
  'shot.size': 'Shot size',
  'shot.angle': 'Angle',
  'shot.lens': 'Lens',
  'shot.move': 'Camera move',
  'shot.duration': 'Duration',
  'shot.transition': 'Transition',
  'panel.status': 'Status',
  'image.replaced': 'Image replaced',
  'scene.heading': 'Scene heading',
  'panel.moved': 'Panel moved',
  'panel.deleted': 'Panel deleted',
  'script.imported': 'Script imported',
  'editorial.conform': 'Editorial conform',
  note: 'Note',
};

export interface Decision {
  id: string;
  createdAt: string;
  panelId: string | null;
  sceneId: string | null;
  /** The panel's shot number when the entry was written (panels get renumbered and deleted). */
  shotNumber: string | null;
  kind: DecisionKind;
  /** The panel field that changed (shot_size, lens_mm...), null for picks, moves and notes. */
  field: string | null;
  /** Before and after, as text: "MS" -> "CU", a shot number before and after a move. For a note, newValue is the note. */
  oldValue: string | null;
  newValue: string | null;
  /** Why: the reason given with a manual note or a pick ('' when none was given). */
  why: string;
  /** Details: for a pick, the variation and the alternatives it beat; for a deletion, what the panel held. */
  data: Record<string, unknown>;
  /**
   * First-time data entry: a field of a panel getting its first value (empty before, and never set
   * before on that panel). Kept, but hidden from the log unless asked for.
   */
  initial: boolean;
}
