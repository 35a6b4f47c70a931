import { expectImage, sameOrigin } from '../common';
import type { ProviderError } from '../errors';
import { isOk, type HttpResult, type ProviderHttp } from '../http';
import { decodeBase64 } from '../image-bytes';

export interface Prediction {
  id: string;
  /** `aborted`: Replicate ended it before it started (a deadline, or the service), so the model never ran. */
  status: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';
  version?: string;
  output?: unknown;
  error?: unknown;
  logs?: string;
  metrics?: { predict_time?: number };
  urls?: { get?: string; cancel?: string };
}

/** Errors the model raises when its safety checker fires (flux: "NSFW content detected", E005 "flagged as sensitive"). */
const SAFETY = /nsfw|sensitive|flagged|safety|content polic/i;

/** Why a finished prediction has no image: refused, failed or cancelled on Replicate's side. */
export function predictionFailure(http: ProviderHttp, p: Prediction): ProviderError {
  const why = typeof p.error === 'string' ? p.error : p.error ? JSON.stringify(p.error) : '';
  if (p.status === 'canceled') return http.error('CANCELLED', 'The prediction was cancelled on Replicate.');
  if (p.status === 'aborted') {
    return http.error('SERVER', `Replicate stopped the prediction before the model started (aborted)${why ? `: ${why}` : ''}. Nothing ran; try again.`);
  }
  if (SAFETY.test(why)) return http.error('MODERATION', `Replicate's model refused this prompt or image for safety reasons: ${why}. Rephrase the prompt and try again.`);
  return http.error('FAILED', `Replicate's model failed${why ? `: ${why}` : ''}.`);
}

/** The model as it made the image: a published version id is kept; "hidden" (official models) is not a version. */
export function modelOfPrediction(model: string, p: Prediction): string {
  const name = model.split(':')[0];
  return p.version && /^[0-9a-f]{16,}$/i.test(p.version) ? `${name}:${p.version}` : model.endsWith(':hidden') ? name : model;
}

/** RFC 7807 `{type, title, status, detail}`: 402 means billing, 422 an input the model does not take. */
export function replicateError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as { title?: string; detail?: string } | undefined;
  const message = [body?.title, body?.detail].filter(Boolean).join(': ') || undefined;
  return http.statusError(res, message);
}

/** The output: one URL, a list of them, or data: URIs. The key goes only to Replicate's own origin. */
export async function downloadOutputs(http: ProviderHttp, base: string, key: string, p: Prediction): Promise<{ data: Buffer; mime: string }[]> {
  const urls = (Array.isArray(p.output) ? p.output : [p.output]).filter((u): u is string => typeof u === 'string' && u.length > 0);
  if (urls.length === 0) throw http.error('BAD_RESPONSE', 'Replicate finished the prediction but returned no image.');
  const out: { data: Buffer; mime: string }[] = [];
  for (const url of urls) {
    if (url.startsWith('data:')) {
      out.push(expectImage(http, decodeBase64(url)));
      continue;
    }
    const headers: Record<string, string> = sameOrigin(url, base) ? { authorization: `Bearer ${key}` } : {};
    const res = await http.send({ method: 'GET', url, headers });
    if (!isOk(res)) throw http.statusError(res, 'the image could not be downloaded');
    out.push(expectImage(http, res.body, res.headers.get('content-type'), res));
  }
  return out;
}
