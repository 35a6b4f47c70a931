import type { HttpResult, ProviderHttp } from '../providers/http';
import { sniffClip } from './clip-format';

/** A download's bytes when they are a video container; a provider sending an error page or an image fails clearly. */
export function expectVideo(http: ProviderHttp, res: HttpResult): Buffer {
  if (res.body.length === 0) throw http.error('BAD_RESPONSE', `${http.id.label} sent an empty file instead of the clip.`, res);
  if (!sniffClip(res.body)) {
    const ct = res.headers.get('content-type') ?? 'no content type';
    throw http.error('BAD_RESPONSE', `${http.id.label} sent something that is not a video (${ct}, ${res.body.length} bytes).`, res);
  }
  return res.body;
}
