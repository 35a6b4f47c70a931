import { readFile } from 'node:fs/promises';
import { ProviderError } from '../errors';
import type { ProviderSettings } from '../settings';

/**
 * A ComfyUI workflow in API format ({"<node id>": {class_type, inputs}}), as exported with
 * "Export (API)". The user may mark nodes with `"_boardwright": "positive" | "negative" | "seed" |
 * "size" | "init" | "output"` (or a list of these); unmarked workflows are read by well-known node types.
 */
export interface WorkflowNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string };
  _boardwright?: string | string[];
}
export type Workflow = Record<string, WorkflowNode>;

export interface FillValues {
  prompt: string;
  negative?: string;
  seed: number;
  width: number;
  height: number;
  batch: number;
  /** The name ComfyUI gave the uploaded init image. */
  initImage?: string;
}

/** Which nodes took which value: kept with each variation, and used to find the outputs. */
export interface FilledNodes {
  positive: string;
  negative?: string;
  seed: string[];
  size?: string;
  init?: string;
  output?: string;
}

const SAMPLERS = new Set(['KSampler', 'KSamplerAdvanced', 'SamplerCustom']);
const SEED_INPUTS: Record<string, string> = { KSampler: 'seed', KSamplerAdvanced: 'noise_seed', SamplerCustom: 'noise_seed', RandomNoise: 'noise_seed' };
const isLink = (v: unknown): v is [string, number] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string';
const marks = (n: WorkflowNode): string[] => (Array.isArray(n._boardwright) ? n._boardwright : n._boardwright ? [n._boardwright] : []);
const config = (message: string) => new ProviderError('CONFIG', message);

/** The workflow from the request, the app's settings or COMFYUI_WORKFLOW, checked to be API format. */
export async function loadWorkflow(settings: ProviderSettings, fromRequest: unknown): Promise<Workflow> {
  let wf: unknown = fromRequest ?? settings.workflow;
  if (wf === undefined && settings.workflowPath) {
    let text: string;
    try {
      text = await readFile(settings.workflowPath, 'utf8');
    } catch (e) {
      throw config(`Could not read the ComfyUI workflow ${settings.workflowPath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
    try {
      wf = JSON.parse(text);
    } catch {
      throw config(`The ComfyUI workflow ${settings.workflowPath} is not valid JSON.`);
    }
  }
  if (wf === undefined) throw config('ComfyUI needs a workflow: in ComfyUI use Workflow > Export (API), then choose that file in Settings (or set COMFYUI_WORKFLOW).');
  if (typeof wf !== 'object' || wf === null || Array.isArray(wf)) throw config('The ComfyUI workflow must be a JSON object of nodes.');
  if (Array.isArray((wf as { nodes?: unknown }).nodes)) {
    throw config('This ComfyUI workflow is in the editor format. Export it with Workflow > Export (API) and choose that file.');
  }
  for (const [id, node] of Object.entries(wf as Record<string, unknown>)) {
    const n = node as Partial<WorkflowNode>;
    if (typeof n?.class_type !== 'string' || typeof n.inputs !== 'object' || n.inputs === null) {
      throw config(`ComfyUI workflow node "${id}" has no class_type or inputs: is this an API-format export?`);
    }
  }
  return wf as Workflow;
}

/** Finds the text node a sampler's conditioning comes from, following a few pass-through nodes. */
function textNodeBehind(wf: Workflow, link: unknown): string | undefined {
  for (let hop = 0, cur = link; hop < 4 && isLink(cur); hop++) {
    const node = wf[cur[0]];
    if (!node) return undefined;
    if (typeof node.inputs.text === 'string') return cur[0];
    cur = node.inputs.conditioning ?? node.inputs.positive;
  }
  return undefined;
}

/** Where each value goes: marked nodes first, else the sampler's links and well-known types. */
export function locateNodes(wf: Workflow, wantInit: boolean): FilledNodes {
  const ids = Object.keys(wf);
  const marked = (m: string) => ids.filter((id) => marks(wf[id]).includes(m));
  const samplers = ids.filter((id) => SAMPLERS.has(wf[id].class_type));
  const textNodes = ids.filter((id) => typeof wf[id].inputs.text === 'string');
  const titled = (re: RegExp) => textNodes.find((id) => re.test(wf[id]._meta?.title ?? ''));

  const negative = marked('negative')[0] ?? samplers.map((s) => textNodeBehind(wf, wf[s].inputs.negative)).find(Boolean) ?? titled(/neg/i);
  const positive =
    marked('positive')[0] ??
    samplers.map((s) => textNodeBehind(wf, wf[s].inputs.positive)).find(Boolean) ??
    titled(/pos|prompt/i) ??
    textNodes.find((id) => id !== negative && wf[id].class_type.startsWith('CLIPTextEncode'));
  if (!positive) {
    throw config('Boardwright found no prompt node to fill in this ComfyUI workflow: add "_boardwright": "positive" to the node that takes the prompt text.');
  }
  const seedMarked = marked('seed');
  const seed = (seedMarked.length ? seedMarked : ids.filter((id) => id in wf && wf[id].class_type in SEED_INPUTS)).filter((id) => {
    const input = SEED_INPUTS[wf[id].class_type] ?? ('seed' in wf[id].inputs ? 'seed' : 'noise_seed');
    return typeof wf[id].inputs[input] === 'number';
  });
  const size = marked('size')[0] ?? ids.find((id) => /^Empty\w*LatentImage$/.test(wf[id].class_type));
  const init = wantInit ? (marked('init')[0] ?? ids.find((id) => wf[id].class_type === 'LoadImage')) : undefined;
  if (wantInit && !init) {
    throw config('This ComfyUI workflow has no LoadImage node to take the panel being refined: add one (marked "_boardwright": "init") or refine with another provider.');
  }
  const output = marked('output')[0];
  return { positive, ...(negative && negative !== positive ? { negative } : {}), seed, ...(size ? { size } : {}), ...(init ? { init } : {}), ...(output ? { output } : {}) };
}

/** A copy of the workflow with the shot's values filled in and Boardwright's marks removed. */
export function fillWorkflow(wf: Workflow, nodes: FilledNodes, v: FillValues): Workflow {
  const out: Workflow = JSON.parse(JSON.stringify(wf));
  for (const node of Object.values(out)) delete node._boardwright;
  out[nodes.positive].inputs.text = v.prompt;
  if (nodes.negative && v.negative !== undefined) out[nodes.negative].inputs.text = v.negative;
  for (const id of nodes.seed) {
    const inputs = out[id].inputs;
    inputs[SEED_INPUTS[out[id].class_type] ?? ('seed' in inputs ? 'seed' : 'noise_seed')] = v.seed;
  }
  if (nodes.size) {
    // SD1.5/SDXL latents step by 8 pixels; SD3 and Flux latents by 16.
    const step = out[nodes.size].class_type === 'EmptyLatentImage' ? 8 : 16;
    const inputs = out[nodes.size].inputs;
    inputs.width = Math.max(step, Math.round(v.width / step) * step);
    inputs.height = Math.max(step, Math.round(v.height / step) * step);
    if ('batch_size' in inputs || v.batch > 1) inputs.batch_size = v.batch;
  }
  if (nodes.init && v.initImage) out[nodes.init].inputs.image = v.initImage;
  return out;
}
