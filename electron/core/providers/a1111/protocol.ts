import type { ProviderError } from '../errors';
import { isOk, type HttpResult, type ProviderHttp } from '../http';

/** The fields Boardwright reads from A1111's `info` (a JSON string inside the JSON answer). */
export interface A1111Info {
  seed?: number;
  all_seeds?: number[];
  index_of_first_image?: number;
  sd_model_name?: string;
  sampler_name?: string;
  steps?: number;
  cfg_scale?: number;
}

export function parseInfo(info: unknown): A1111Info {
  if (typeof info !== 'string') return typeof info === 'object' && info ? (info as A1111Info) : {};
  try {
    return JSON.parse(info) as A1111Info;
  } catch {
    return {};
  }
}

/**
 * A1111's errors: 422 `{detail:[{loc,msg,type}]}` for a bad parameter, 500 `{error, detail, body, errors}`
 * when generation itself failed (out of memory, a broken model): that is FAILED, not worth retrying.
 */
export function a1111Error(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as { detail?: unknown; error?: string; errors?: string } | undefined;
  // FastAPI answers {"detail":"Not Found"} for a path it lacks (no --api); the API itself also answers 404
  // for an unknown sampler or a missing init image, with its own detail.
  if (res.status === 404 && (typeof body?.detail !== 'string' || body.detail === 'Not Found')) {
    return http.error('BAD_REQUEST', 'AUTOMATIC1111 has no API at this address: start the web UI with --api (and check A1111_URL).', res);
  }
  if (body?.error === 'HTTPException' && typeof body.detail === 'string') return http.statusError(res, body.detail, res.status >= 500 ? 'FAILED' : 'BAD_REQUEST');
  const detail = Array.isArray(body?.detail)
    ? body.detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).slice(1).join('.')}: ${d.msg ?? ''}`).join('; ')
    : typeof body?.detail === 'string'
      ? body.detail
      : undefined;
  const message = [body?.error, detail, body?.errors].filter(Boolean).join(': ') || undefined;
  if (res.status === 500 && body?.error) return http.statusError(res, message, 'FAILED');
  return http.statusError(res, message);
}

/**
 * Polls /sdapi/v1/progress every `everyMs` while a generation runs and reports its 0..1 `progress`.
 * Returns the function that stops it. Failed polls are ignored: progress is a nicety.
 */
export function watchProgress(http: ProviderHttp, url: string, headers: Record<string, string>, everyMs: number, report: (fraction: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      const res = await http.send({ method: 'GET', url, headers, timeoutMs: 10_000 });
      const p = isOk(res) ? (http.tryJson(res) as { progress?: number } | undefined)?.progress : undefined;
      if (!stopped && typeof p === 'number' && p >= 0 && p <= 1) report(p);
    } catch {
      // ignore
    }
    if (!stopped) timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * After a cancel: stop the web UI's job only if it is ours and running. /sdapi/v1/interrupt stops
 * whatever runs, so the task is first looked up by the id we gave it (POST /internal/progress); a
 * job still waiting behind someone else's is left alone (it runs later and its images are dropped).
 */
export async function interruptIfRunning(http: ProviderHttp, base: string, headers: Record<string, string>, taskId: string, log: (line: string) => void): Promise<void> {
  const send = (path: string, json?: unknown) => http.send({ method: 'POST', url: `${base}${path}`, headers, json, ignoreCancel: true, timeoutMs: 5_000 });
  try {
    const res = await send('/internal/progress', { id_task: taskId, id_live_preview: -1, live_preview: false });
    const state = isOk(res) ? (http.tryJson(res) as { active?: boolean; queued?: boolean } | undefined) : undefined;
    if (state?.active === true) {
      await send('/sdapi/v1/interrupt');
      log(`${http.id.label}: cancelled ${taskId}, which was running: interrupted`);
    } else {
      log(`${http.id.label}: cancelled ${taskId}, which was not running${state?.queued ? ' (queued)' : ''}: nothing interrupted`);
    }
  } catch {
    log(`${http.id.label}: cancelled ${taskId}; could not tell whether it was running: nothing interrupted`);
  }
}
