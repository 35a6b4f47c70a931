/**
 * Reading GET /history/{prompt_id}: `{}` while the prompt is queued or running, then
 * `{id: {outputs, status}}`. Older ComfyUI versions wrote entries without `status`: an entry with
 * outputs then means done. A failed run has `status_str: "error"` and the execution_error in `messages`.
 */
export interface ImageRef {
  filename: string;
  subfolder?: string;
  type?: string;
}

export interface HistoryEntry {
  outputs?: Record<string, { images?: ImageRef[] }>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
}

export type HistoryState =
  | { state: 'pending' }
  | { state: 'done'; entry: HistoryEntry }
  | { state: 'error'; message: string; nodeId?: string; nodeType?: string }
  | { state: 'interrupted' };

export function readHistory(body: unknown, promptId: string): HistoryState {
  const entry = (body as Record<string, HistoryEntry> | undefined)?.[promptId];
  if (!entry || typeof entry !== 'object') return { state: 'pending' };
  const status = entry.status;
  const messages = Array.isArray(status?.messages) ? status.messages : [];
  const error = messages.find((m) => Array.isArray(m) && m[0] === 'execution_error')?.[1];
  if (status?.status_str === 'error' || error) {
    if (messages.some((m) => Array.isArray(m) && m[0] === 'execution_interrupted')) return { state: 'interrupted' };
    return {
      state: 'error',
      message: String(error?.exception_message ?? 'the workflow failed').trim(),
      nodeId: error?.node_id as string | undefined,
      nodeType: error?.node_type as string | undefined,
    };
  }
  const hasOutputs = Object.keys(entry.outputs ?? {}).length > 0;
  if (status ? status.completed === true || (status.status_str === 'success' && hasOutputs) : hasOutputs) return { state: 'done', entry };
  return { state: 'pending' };
}

/**
 * The images to keep: the marked output node's, else every saved ("output") image in node order,
 * else previews ("temp") when the workflow only previews.
 */
export function outputImages(entry: HistoryEntry, outputNode?: string): ImageRef[] {
  const outputs = entry.outputs ?? {};
  if (outputNode) return outputs[outputNode]?.images ?? [];
  const all = Object.keys(outputs)
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))
    .flatMap((id) => outputs[id].images ?? []);
  const saved = all.filter((i) => (i.type ?? 'output') === 'output');
  return saved.length ? saved : all;
}
