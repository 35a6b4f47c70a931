import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildTimeline } from '../../../../shared/domain/animatic';
import { outputGeometry, type CameraFraming } from '../../../../shared/domain/animatic-frame';
import { ASPECT_RATIOS, aspectValue, type AspectRatio } from '../../../../shared/domain/project';
import { requireFfmpeg } from '../../animatic/ffmpeg';
import { writeMoveClip } from '../../editorial/move-clip';
import { ProviderError } from '../../providers/errors';
import { ParallaxComposer } from './parallax-composer';
import type { GenerateContext } from '../../providers/types';
import type { RemoteVideo, SubmittedVideo, VideoCapabilities, VideoPoll, VideoProvider, VideoRequest } from '../video-provider';

/** A static panel gets a slow push in: from the whole picture to its centre 85 %. */
export const DEFAULT_PUSH_IN: CameraFraming = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.075, y: 0.075, w: 0.85, h: 0.85 } };
/** Clip height: enough to judge a move, small enough to render in a few seconds. */
const HEIGHT = 720;

/**
 * The offline motion provider: renders the panel's camera move (or a slow push in) over its picture
 * with the animatic's own frame composer and encoder, so Motion works with no account and no network.
 * A picture sent as several depth planes (its reference picture and sketch layers) moves with a subtle
 * parallax: the back plane a little less than the front (parallax-composer.ts).
 * The render happens in submit (it is local and free); the clip is held until downloaded.
 */
export class BuiltinMotionProvider implements VideoProvider {
  readonly id = 'builtin' as const;
  readonly label = 'Built-in camera move';
  readonly defaultModel = 'camera-move';
  private readonly rendered = new Map<string, Buffer>();

  capabilities(): VideoCapabilities {
    return { durations: [1, 2, 3, 4, 5, 6, 8], aspectRatios: [...ASPECT_RATIOS], seed: false, negativePrompt: false };
  }

  async submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo> {
    const meta = await sharp(request.firstFrame.data).metadata().catch(() => null);
    if (!meta?.width || !meta.height) throw new ProviderError('BAD_REQUEST', 'The built-in camera move needs the panel to have a picture.');
    // Several depth planes: each moves by its own share of the move (parallax); the framing refers to the planes' frame.
    const planes = request.planes && request.planes.length > 1 ? request.planes : null;
    const size = planes ? await sharp(planes[0].image.data).metadata().catch(() => null) : meta;
    if (!size?.width || !size.height) throw new ProviderError('BAD_REQUEST', 'The built-in camera move could not read the panel\'s planes.');
    const asked = request.aspectRatio.replace(/:1$/, ''); // "2.39:1" as remote providers are told, "2.39" in the project
    const aspectRatio = (ASPECT_RATIOS as readonly string[]).includes(asked) ? (asked as AspectRatio) : '16:9';
    const framing = (request.params?.framing as CameraFraming | undefined) ?? DEFAULT_PUSH_IN;
    const fps = typeof request.params?.fps === 'number' ? request.params.fps : 24;
    const seconds = Math.max(0.5, Math.min(20, request.seconds));
    const timeline = buildTimeline({
      fps,
      aspectRatio,
      panels: [{ id: 'clip', shotNumber: '', durationMs: Math.round(seconds * 1000), transition: null, transitionMs: null, framing, imageSha256: 'first-frame', imageWidth: size.width, imageHeight: size.height, dialogue: '', sound: '' }],
      audio: [],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-motion-'));
    try {
      const file = path.join(dir, 'clip.mp4');
      const geo = outputGeometry(aspectValue(aspectRatio), HEIGHT, 'native');
      await writeMoveClip(file, {
        bin: await requireFfmpeg(),
        source: timeline,
        segment: timeline.segments[0],
        geo,
        readImage: (sha) => (sha === 'first-frame' ? request.firstFrame.data : undefined),
        signal: ctx.signal,
        ...(planes ? { composer: new ParallaxComposer(geo, planes) } : {}),
      });
      const bytes = fs.readFileSync(file);
      const remoteId = `builtin-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
      this.rendered.set(remoteId, bytes);
      ctx.onProgress(1);
      return { remoteId, model: this.defaultModel, sent: { framing, seconds, fps, height: HEIGHT, aspectRatio, ...(planes ? { parallax: planes.map((p) => p.name) } : {}) }, pollEveryMs: 0, resultWindowMs: Number.MAX_SAFE_INTEGER };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  async poll(remoteId: string): Promise<VideoPoll> {
    if (!this.rendered.has(remoteId)) throw new ProviderError('EXPIRED', 'This built-in clip was rendered in an earlier session: render it again (it is free).');
    return { state: 'done', videos: [{ uri: `builtin:${remoteId}` }] };
  }

  async download(_video: RemoteVideo, remoteId: string): Promise<Buffer> {
    const bytes = this.rendered.get(remoteId);
    if (!bytes) throw new ProviderError('EXPIRED', 'This built-in clip was rendered in an earlier session: render it again (it is free).');
    this.rendered.delete(remoteId);
    return bytes;
  }
}
