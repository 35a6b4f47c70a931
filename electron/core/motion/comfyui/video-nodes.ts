import { ProviderError } from '../../providers/errors';
import type { ImageRef, HistoryEntry } from '../../providers/comfyui/history';
import type { Workflow } from '../../providers/comfyui/workflow';

/**
 * The image-to-video nodes Boardwright knows: where the clip's length (in frames), size and frame
 * rate go, and the length rule of the model (LTX-Video: 8n+1 frames; Wan: 4n+1).
 */
const VIDEO_NODES: Record<string, { fps: number; step: number; sizeStep: number }> = {
  LTXVImgToVideo: { fps: 24, step: 8, sizeStep: 32 },
  WanImageToVideo: { fps: 16, step: 4, sizeStep: 16 },
};

export interface LengthNode {
  id: string;
  fps: number;
  step: number;
  sizeStep: number;
}

/** The node that sets the clip's length: marked "length", else a known image-to-video node. */
export function findLengthNode(wf: Workflow): LengthNode {
  const ids = Object.keys(wf);
  const marked = ids.find((id) => [wf[id]._boardwright].flat().includes('length'));
  const id = marked ?? ids.find((i) => wf[i].class_type in VIDEO_NODES);
  if (!id || typeof wf[id].inputs.length !== 'number') {
    throw new ProviderError('CONFIG', 'This ComfyUI workflow has no image-to-video node Boardwright can set the length of (LTXVImgToVideo or WanImageToVideo), nor a node marked "_boardwright": "length".');
  }
  const rule = VIDEO_NODES[wf[id].class_type] ?? { fps: 24, step: 1, sizeStep: 16 };
  return { id, ...rule };
}

/** Frames for a clip of `seconds`, on the model's length rule (k·step + 1). */
export function framesFor(node: LengthNode, seconds: number): number {
  return Math.max(1, Math.round((seconds * node.fps) / node.step)) * node.step + 1;
}

/** Width and height for an aspect ratio with about the node's own pixel count, on its size step. */
export function sizeFor(wf: Workflow, node: LengthNode, ratio: number): { width: number; height: number } {
  const inputs = wf[node.id].inputs;
  const area = Number(inputs.width ?? 768) * Number(inputs.height ?? 512);
  const snap = (v: number) => Math.max(node.sizeStep, Math.round(v / node.sizeStep) * node.sizeStep);
  return { width: snap(Math.sqrt(area * ratio)), height: snap(Math.sqrt(area / ratio)) };
}

type VideoOutputs = Record<string, { images?: ImageRef[]; animated?: boolean[]; gifs?: ImageRef[] }>;

/**
 * The clips a finished prompt saved: core SaveVideo/SaveWEBM list them under `images` with
 * `animated: [true]`; VideoHelperSuite's VHS_VideoCombine under `gifs`. The marked output node's
 * first, else every node's in node order.
 */
export function outputVideos(entry: HistoryEntry, outputNode?: string): ImageRef[] {
  const outputs = (entry.outputs ?? {}) as VideoOutputs;
  const ids = outputNode && outputs[outputNode] ? [outputNode] : Object.keys(outputs).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return ids.flatMap((id) => {
    const o = outputs[id];
    return [...(o.gifs ?? []), ...(o.animated?.some(Boolean) ? (o.images ?? []) : [])];
  });
}
