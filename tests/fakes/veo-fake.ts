import { FakeServer, sendBytes, sendJson, type RecordedRequest } from './fake-server';

type Res = Parameters<typeof sendJson>[0];
/** How an operation ends: with a clip, held back by the safety filter, failed, or never (polls forever). */
export type VeoOutcome = 'video' | 'filtered' | 'failed' | 'never' | 'empty';

/**
 * Veo through the Gemini API on loopback: predictLongRunning answers an operation name; GET on the
 * name answers `{name}` until the job is done, then the sample's file URI; the file download (key
 * required) redirects to storage, as Google's does. Files can be made to expire (403).
 */
export class VeoFake extends FakeServer {
  /** Polls answered "not done" before the operation is done. */
  pollsBeforeDone = 1;
  outcome: VeoOutcome = 'video';
  /** The bytes storage serves as the clip (set by the test: a real MP4, or something that is not one). */
  clip: Buffer = Buffer.alloc(0);
  clipType = 'video/mp4';
  expired = false;
  private ops = 0;
  private readonly polls = new Map<string, number>();

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1beta\/models\/[^/:]+:predictLongRunning$/, (req, res) => this.create(req, res), { scriptable: true });
    this.route('GET', /^\/v1beta\/models\/[^/]+\/operations\/[^/]+$/, (req, res) => this.poll(req, res), { scriptable: true });
    this.route('GET', /^\/v1beta\/files\/[^/:]+:download$/, (req, res) => this.download(req, res), { scriptable: true });
    this.route('GET', /^\/storage\/[^/]+$/, (_req, res) => sendBytes(res, 200, this.clip, { 'content-type': this.clipType }));
  }

  private authorized(req: RecordedRequest, res: Res): boolean {
    if (req.headers['x-goog-api-key'] === this.key) return true;
    sendJson(res, 400, {
      error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }] },
    });
    return false;
  }

  private create(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    const model = req.path.split('/').pop()!.split(':')[0];
    sendJson(res, 200, { name: `models/${model}/operations/op${++this.ops}` });
  }

  private poll(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    const name = req.path.slice('/v1beta/'.length);
    const n = (this.polls.get(name) ?? 0) + 1;
    this.polls.set(name, n);
    if (this.outcome === 'never' || n <= this.pollsBeforeDone) return sendJson(res, 200, { name });
    const id = name.split('/').pop();
    const response = {
      video: { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse', generateVideoResponse: { generatedSamples: [{ video: { uri: `${this.url}/v1beta/files/${id}:download?alt=media` } }] } },
      filtered: { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse', generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: ["We encountered an issue with the audio for your prompt. You weren't charged for this request."] } },
      empty: { generateVideoResponse: {} },
    };
    if (this.outcome === 'failed') return sendJson(res, 200, { name, done: true, error: { code: 13, message: 'Internal error encountered.', status: 'INTERNAL' } });
    sendJson(res, 200, { name, done: true, response: response[this.outcome as 'video' | 'filtered' | 'empty'] });
  }

  private download(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    if (this.expired) return sendJson(res, 403, { error: { code: 403, message: 'You do not have permission to access the File or it may not exist.', status: 'PERMISSION_DENIED' } });
    const id = req.path.split('/').pop()!.split(':')[0];
    res.writeHead(302, { location: `${this.url}/storage/${id}` });
    res.end();
  }
}
