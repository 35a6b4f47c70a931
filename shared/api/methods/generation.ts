/** Generating panel variations, their gallery and the provider settings. Providers and keys stay in the core. */
import { z } from 'zod';
import type { Panel } from '../../domain/board';
import type { ComposedPrompt, GenerationJob, PromptVersion, ProviderInfo, ProviderSettingsView, Variation } from '../../domain/generation';
import { PICK_DRAWINGS, PROVIDER_IDS } from '../../domain/generation';
import { id, method, noInput } from '../schemas';

const providerId = z.enum(PROVIDER_IDS);
const prompt = z.string().max(8000);

export const generationMethods = {
  /** Every provider with its capabilities and whether it is set up (never a key). */
  'generation.providers': method<ProviderInfo[]>()(noInput),
  /** The prompt the composer proposes for a panel, its references, and the prompts sent before. */
  'generation.composePrompt': method<ComposedPrompt>()(z.object({ panelId: id }).strict()),
  /**
   * Stores the prompt the filmmaker typed (on leaving the field, or a pause) as a 'typed' version the
   * panel shows: an undoable edit. `amendVersionId`: the typed version this editing session stored,
   * rewritten in place while still shown and never sent. Returns the version the panel shows.
   */
  'generation.savePrompt': method<PromptVersion>()(
    z
      .object({
        panelId: id,
        text: prompt.refine((p) => p.trim().length > 0, 'Write a prompt first'),
        negative: prompt,
        parentVersionId: id.nullable().optional(),
        amendVersionId: id.optional(),
      })
      .strict(),
  ),
  /** Replaces the panel's prompt with the composed one (a 'composed' version): one undo step. */
  'generation.recompose': method<{ composed: ComposedPrompt; replacedTyped: boolean }>()(z.object({ panelId: id }).strict()),
  /** Queues a job and returns it at once; progress and results arrive as job.updated / variations.added events. */
  'generation.start': method<GenerationJob>()(
    z
      .object({
        panelId: id,
        providerId,
        prompt: prompt.refine((p) => p.trim().length > 0, 'Write a prompt first'),
        negativePrompt: prompt.optional(),
        count: z.number().int().min(1).max(8),
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
        /** Send the panel's current picture (sketch included) as the init or reference image. */
        refine: z.boolean().optional(),
        model: z.string().trim().min(1).max(200).optional(),
        /** The prompt version the text was edited from (default: the panel's latest). */
        parentVersionId: id.optional(),
      })
      .strict(),
  ),
  'generation.cancel': method<GenerationJob>()(z.object({ jobId: id }).strict()),
  'generation.retry': method<GenerationJob>()(z.object({ jobId: id }).strict()),
  /** Jobs newest first: a panel's, or all of the project's. */
  'generation.jobs': method<GenerationJob[]>()(z.object({ panelId: id.optional() }).strict()),

  /** A panel's variations, newest first. */
  'variations.list': method<Variation[]>()(z.object({ panelId: id }).strict()),
  /**
   * Makes a variation the panel's image (one undo step) and logs "variation picked" with the
   * alternatives it beat: `alternativeIds` (those compared), else every other variation of the panel.
   * `drawing`: the picture goes under the panel's strokes ('under', the default), or replaces the
   * drawing ('replace': the unlocked stroke layers are cleared in the same undo step).
   */
  'variations.pick': method<Panel>()(
    z
      .object({ variationId: id, why: z.string().max(2000).optional(), alternativeIds: z.array(id).max(500).optional(), drawing: z.enum(PICK_DRAWINGS).optional() })
      .strict(),
  ),

  /** Provider settings of the app (base URL, model, concurrency; keys only as "set or not"). */
  'providers.settings': method<ProviderSettingsView>()(noInput),
  'providers.setSettings': method<ProviderSettingsView>()(
    z
      .object({
        defaultProvider: providerId.optional(),
        providerId: providerId.optional(),
        /** '' or null goes back to the environment variable or the default. */
        baseUrl: z.string().max(2000).nullable().optional(),
        model: z.string().max(200).nullable().optional(),
        concurrency: z.number().int().min(1).max(8).nullable().optional(),
        /** ComfyUI: the workflow exported in API format, as JSON text ('' or null removes it). */
        workflowJson: z.string().max(2_000_000).nullable().optional(),
      })
      .strict(),
  ),
  /** Stores a key in the OS keychain (the app only; the CLI and web mode read environment variables). null removes it. */
  'providers.setKey': method<ProviderSettingsView>()(z.object({ providerId, key: z.string().max(4000).nullable() }).strict()),
  /** Checks address and key without generating anything. */
  'providers.testConnection': method<{ ok: boolean; message: string; latencyMs: number }>()(z.object({ providerId }).strict()),
} as const;
