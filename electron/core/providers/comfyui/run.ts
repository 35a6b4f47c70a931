import { randomUUID } from 'node:crypto';
import { expectImage } from '../common';
import { ProviderError, cancelled, isProviderError } from '../errors';
import { isOk, type HttpResult, type ProviderHttp } from '../http';
import { extensionOf, toBlob } from '../image-bytes';
import { withRetry } from '../retry';
import type { InputImage } from '../types';
import { outputImages, readHistory, type HistoryEntry, type ImageRef } from './history';
import type { ComfyLink } from './link';
import { findQueuedPrompt } from './queue';
import type { Workflow } from './workflow';

const LABEL = 'ComfyUI';

/**
 * POST /upload/image: the init image goes into ComfyUI's input folder under a name of its own, so
 * refines running side by side never replace each other's input. Returns the name for LoadImage.
 */
export async function uploadImage(link: ComfyLink, img: InputImage): Promise<string> {
  const form = new FormData();
  form.append('image', toBlob(img), `boardwright-init-${randomUUID()}.${extensionOf(img.mime)}`);
  form.append('type', 'input');
  // The name is unique: overwriting can only replace our own earlier attempt at this upload.
  form.append('overwrite', 'true');
  const res = await retrying(link, () => link.http.send({ method: 'POST', url: `${link.base}/upload/image`, headers: link.headers, body: form }));
  const body = link.http.json<{ name?: string; subfolder?: string }>(res);
  if (!body.name) throw link.http.error('BAD_RESPONSE', `${LABEL} did not say where it stored the uploaded image.`, res);
  return body.subfolder ? `${body.subfolder}/${body.name}` : body.name;
}

/**
 * POST /prompt with an id of our own; a 400 lists node_errors, which the message names. Queuing
 * starts a job, so it is repeated only when it surely never arrived (see withRetry's `create`);
 * after a lost answer the prompt is looked up instead of queued twice.
 */
export async function queuePrompt(link: ComfyLink, graph: Workflow, clientId: string): Promise<string> {
  const promptId = randomUUID();
  let res: HttpResult;
  try {
    res = await retrying(link, () => link.http.send({ method: 'POST', url: `${link.base}/prompt`, headers: link.headers, json: { prompt: graph, client_id: clientId, prompt_id: promptId } }), true);
  } catch (e) {
    if (!isProviderError(e) || !e.maybeCreated) throw e;
    const found = await findQueuedPrompt(link, promptId, clientId);
    if (!found) throw e;
    link.deps.log(`${LABEL}: POST /prompt failed (${e.kind}) but prompt ${found} is queued; following it`);
    return found;
  }
  const body = link.http.json<{ prompt_id?: string }>(res);
  if (!body.prompt_id) throw link.http.error('BAD_RESPONSE', `${LABEL} accepted the workflow but returned no prompt id.`, res);
  return body.prompt_id;
}

/**
 * Waits for the prompt to finish: woken by websocket hints when there is a socket, by the poll
 * interval otherwise (or as well), and always confirmed with GET /history/{id}.
 */
export async function waitForPrompt(link: ComfyLink, promptId: string, signal: AbortSignal): Promise<HistoryEntry> {
  const started = Date.now();
  for (;;) {
    const hint = link.events?.signal(promptId);
    if (hint?.kind === 'error') throw failed(link, hint.message, hint.nodeId, hint.nodeType);
    if (hint?.kind === 'interrupted') throw signal.aborted ? cancelled() : link.http.error('FAILED', `${LABEL} stopped the job: it was interrupted on the ComfyUI side.`);
    const history = await retrying(link, () => link.http.send({ method: 'GET', url: `${link.base}/history/${encodeURIComponent(promptId)}`, headers: link.headers }));
    const state = readHistory(link.http.json(history), promptId);
    if (state.state === 'done') return state.entry;
    if (state.state === 'error') throw failed(link, state.message, state.nodeId, state.nodeType);
    if (state.state === 'interrupted') throw signal.aborted ? cancelled() : link.http.error('FAILED', `${LABEL} stopped the job: it was interrupted on the ComfyUI side.`);
    if (Date.now() - started > link.maxWaitMs) {
      throw link.http.error('TIMEOUT', `${LABEL} had not finished after ${Math.round(link.maxWaitMs / 60_000)} minutes; the job was cancelled.`);
    }
    // A "done" hint may come before the history is written: then the next poll (or frame) confirms it.
    await nextWake(link, signal);
  }
}

/** Sleeps one poll interval, or less when a websocket frame changes something. */
async function nextWake(link: ComfyLink, signal: AbortSignal): Promise<void> {
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  const sleeping = link.deps.sleep(link.pollIntervalMs, both).catch(() => undefined);
  const waiters: Promise<unknown>[] = [sleeping];
  if (link.events) waiters.push(link.events.nextChange(both));
  await Promise.race(waiters);
  stop.abort();
  if (signal.aborted) throw cancelled();
}

/** GET /view for each output image. */
export async function downloadImages(link: ComfyLink, entry: HistoryEntry, outputNode: string | undefined, count: number): Promise<{ data: Buffer; mime: string; ref: ImageRef }[]> {
  const refs = outputImages(entry, outputNode);
  if (refs.length < count) {
    throw link.http.error('BAD_RESPONSE', `${LABEL} finished but produced ${refs.length} of the ${count} images asked for: does the workflow end in a SaveImage node?`);
  }
  const out = [];
  for (const ref of refs.slice(0, count)) {
    const q = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder ?? '', type: ref.type ?? 'output' });
    const res = await retrying(link, () => link.http.send({ method: 'GET', url: `${link.base}/view?${q}`, headers: link.headers }));
    out.push({ ...expectImage(link.http, res.body, res.headers.get('content-type'), res), ref });
  }
  return out;
}

function failed(link: ComfyLink, message: string, nodeId?: string, nodeType?: string): ProviderError {
  const where = nodeId || nodeType ? ` in node ${[nodeId, nodeType && `(${nodeType})`].filter(Boolean).join(' ')}` : '';
  return link.http.error('FAILED', `${LABEL} failed${where}: ${message}`);
}

async function retrying(link: ComfyLink, send: () => Promise<HttpResult>, create = false): Promise<HttpResult> {
  return withRetry(
    async () => {
      const res = await send();
      if (!isOk(res)) throw comfyError(link.http, res);
      return res;
    },
    { label: LABEL, signal: link.http.signal, deps: link.deps, create },
  );
}

/** `{error:{type,message,details}, node_errors:{id:{errors:[{message,details}], class_type}}}` (400), else the status. */
function comfyError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as { error?: { message?: string; details?: string } | string; node_errors?: Record<string, { class_type?: string; errors?: { message?: string; details?: string }[] }> } | undefined;
  const nodeErrors = Object.entries(body?.node_errors ?? {}).map(
    ([id, n]) => `node ${id}${n.class_type ? ` (${n.class_type})` : ''}: ${(n.errors ?? []).map((e) => [e.message, e.details].filter(Boolean).join(': ')).join('; ')}`,
  );
  const top = typeof body?.error === 'string' ? body.error : [body?.error?.message, body?.error?.details].filter(Boolean).join(': ');
  const message = [top, ...nodeErrors].filter(Boolean).join('; ') || undefined;
  return http.statusError(res, message);
}
