import { isOk } from '../http';
import type { ComfyLink } from './link';

/** A queue item as GET /queue lists it: [number, prompt_id, prompt, extra_data, outputs_to_execute]. */
type QueueItem = [number, string, unknown, { client_id?: string }?, unknown?];

interface QueueState {
  running: QueueItem[];
  pending: QueueItem[];
}

/** GET /queue, or null when it cannot be read (then nothing is assumed). */
export async function readQueue(link: ComfyLink): Promise<QueueState | null> {
  try {
    const res = await link.http.send({ method: 'GET', url: `${link.base}/queue`, headers: link.headers, ignoreCancel: true, timeoutMs: 5_000 });
    if (!isOk(res)) return null;
    const body = link.http.tryJson(res) as { queue_running?: QueueItem[]; queue_pending?: QueueItem[] } | undefined;
    return { running: body?.queue_running ?? [], pending: body?.queue_pending ?? [] };
  } catch {
    return null;
  }
}

/**
 * After a POST /prompt whose answer was lost: the prompt, if ComfyUI queued it. Found by the id we
 * sent (current servers keep it), else by our client id in the queue (older servers make their own id),
 * else in the history (it may already have run).
 */
export async function findQueuedPrompt(link: ComfyLink, promptId: string, clientId: string): Promise<string | undefined> {
  const queue = await readQueue(link);
  const items = queue ? [...queue.running, ...queue.pending] : [];
  const mine = items.find((i) => i[1] === promptId) ?? items.find((i) => i[3]?.client_id === clientId);
  if (mine) return mine[1];
  try {
    const res = await link.http.send({ method: 'GET', url: `${link.base}/history/${encodeURIComponent(promptId)}`, headers: link.headers, timeoutMs: 5_000 });
    const entry = isOk(res) ? (link.http.tryJson(res) as Record<string, unknown> | undefined)?.[promptId] : undefined;
    return entry ? promptId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * After a cancel: drop the prompt from the queue if it still waits, and interrupt it only if it is
 * the one running. Older servers interrupt whatever runs, whatever prompt_id says, so /interrupt is
 * sent only once /queue shows our prompt running: another client's job is never stopped.
 */
export async function stopPrompt(link: ComfyLink, promptId: string): Promise<void> {
  const post = (path: string, json: unknown) =>
    link.http.send({ method: 'POST', url: `${link.base}${path}`, headers: link.headers, json, ignoreCancel: true, timeoutMs: 5_000 }).catch(() => undefined);
  await post('/queue', { delete: [promptId] });
  const queue = await readQueue(link);
  if (queue?.running.some((i) => i[1] === promptId)) await post('/interrupt', { prompt_id: promptId });
}
