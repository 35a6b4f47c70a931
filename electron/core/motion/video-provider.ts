/**
 * Image-to-video providers (issue 14): a clip is a long job on the provider's side, so the interface
 * is three calls the job runner makes and records between (see ../../../../shared reference
 * video-providers.md §7): submit once, poll by the provider's id (also after a restart), download.
 * Nothing here retries a submit: a second submission costs the filmmaker money.
 */
import type { GenerateContext, InputImage } from '../providers/types';

import type { VideoProviderId } from '../../../shared/domain/motion';

export interface VideoCapabilities {
  /** Clip lengths the model accepts, in seconds; requests are snapped to the nearest. */
  durations: readonly number[];
  /** Frame shapes the model makes ("16:9", "9:16"...); the project's aspect is snapped to the nearest. Empty: the clip takes the first frame's shape. */
  aspectRatios: readonly string[];
  seed: boolean;
  negativePrompt: boolean;
}

export interface VideoRequest {
  prompt: string;
  negativePrompt?: string;
  seconds: number;
  seed?: number;
  /** The project's frame, "2.39:1", "16:9"...; snapped to what the model makes. */
  aspectRatio: string;
  /** The panel's picture: the clip's first frame. */
  firstFrame: InputImage;
  model?: string;
  params?: Record<string, unknown>;
  /**
   * The picture's depth planes, back to front, where it has several (the reference picture and the
   * sketch layers): the built-in provider moves them by different amounts (parallax). Remote
   * providers use `firstFrame`, the same planes flattened.
   */
  planes?: MotionPlane[];
}

/** One depth plane of a panel's picture, drawn over the ones behind it. */
export interface MotionPlane {
  /** What the plane holds: "Reference", "Paper", or the sketch layer's name. */
  name: string;
  /** 0 the back (the reference picture) to 1 the front (the top printed layer). */
  depth: number;
  /** The plane at the picture's frame (every plane the same size); transparent where nothing is drawn. */
  image: InputImage;
}

/** The provider's answer to a submit: what the job record keeps before anything else happens. */
export interface SubmittedVideo {
  /** The operation or task id to poll, as the provider names it. */
  remoteId: string;
  model: string;
  /** Everything sent, minus the image bytes and any key: the variation's parameters. */
  sent: Record<string, unknown>;
  /** How often the provider's docs ask to be polled. */
  pollEveryMs: number;
  /** How long the provider keeps the result after it is done (then downloads answer 403/404). */
  resultWindowMs: number;
}

/** Where a finished clip can be fetched (a URL the provider gave, valid for a while). */
export interface RemoteVideo {
  uri: string;
}

export type VideoPoll = { state: 'running'; progress?: number } | { state: 'done'; videos: RemoteVideo[] };

export interface VideoProvider {
  readonly id: VideoProviderId;
  readonly label: string;
  readonly defaultModel: string;
  capabilities(model?: string): VideoCapabilities;
  /** One create request. A failure that may have created the job carries `maybeCreated`. */
  submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo>;
  /** One status request. A job the provider ended without a clip fails with MODERATION, FAILED or EXPIRED. */
  poll(remoteId: string, ctx: GenerateContext): Promise<VideoPoll>;
  /** The clip's bytes, checked to be a video. An expired result fails with EXPIRED. */
  download(video: RemoteVideo, remoteId: string, ctx: GenerateContext): Promise<Buffer>;
  /** Asks the provider to stop the job, where it has a way to. */
  cancel?(remoteId: string, ctx: GenerateContext): Promise<void>;
}

/** The value in `allowed` nearest to `want` (ties go to the larger, which is the safer clip length). */
export function nearest(allowed: readonly number[], want: number): number {
  return allowed.reduce((best, v) => (Math.abs(v - want) < Math.abs(best - want) || (Math.abs(v - want) === Math.abs(best - want) && v > best) ? v : best));
}
