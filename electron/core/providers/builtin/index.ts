import sharp from 'sharp';
import { checkCount, inBatches } from '../common';
import { cancelled } from '../errors';
import { randomSeed } from '../image-bytes';
import { defaultDeps } from '../retry';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { sketchSvg } from './render';
import { readShot } from './shot';

export type { BuiltinShotParams } from './shot';

/** Longest side of a sketch: plenty to block a scene, and it keeps rendering instant. */
const MAX_SIDE = 2048;
const MIN_SIDE = 64;

/**
 * The default, offline provider: a pencil composition sketch drawn from the shot's own data (size,
 * angle, lens, move, who is in it) with no network. The same seed always draws the same sketch.
 */
export class BuiltinProvider implements ImageProvider {
  readonly id = 'builtin' as const;
  readonly label = 'Built-in sketch';
  readonly defaultModel = 'boardwright-blocking-1';
  readonly capabilities: ProviderCapabilities = {
    textToImage: true,
    referenceImages: false,
    initImage: false,
    maxPerCall: 8,
    aspectRatios: 'any',
    seed: true,
    negativePrompt: false,
  };

  constructor(private readonly deps: ProviderDeps = defaultDeps()) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, this.label);
    const shot = readShot(request.params);
    // Drawn at the project's own aspect ratio (the request's size is rounded for providers that need it).
    const { width, height } = fit(request.width, exactHeight(request.width, request.aspectRatio) ?? request.height);
    const first = request.seed ?? randomSeed(this.deps.random);
    return inBatches(request.count, 1, ctx, async (i) => {
      if (ctx.signal.aborted) throw cancelled();
      const seed = (first + i) >>> 0;
      const png = await sharp(Buffer.from(sketchSvg(shot, width, height, seed))).png({ compressionLevel: 6 }).toBuffer();
      return [
        {
          data: png,
          mime: 'image/png',
          seed,
          providerModel: this.defaultModel,
          params: { shotSize: shot.size, angle: shot.angle, lensMm: shot.lensMm, characters: shot.characters, cameraMove: shot.cameraMove, width, height },
          costUsd: 0,
        },
      ];
    });
  }

  async testConnection(): Promise<ConnectionResult> {
    return { ok: true, message: 'The built-in sketcher works offline; nothing to connect.' };
  }
}

/** The requested size, scaled down to at most 2048 px on the long side (and at least 64 px). */
function fit(width: number, height: number): { width: number; height: number } {
  const w = Number.isFinite(width) && width > 0 ? width : 1024;
  const h = Number.isFinite(height) && height > 0 ? height : 576;
  const k = Math.min(1, MAX_SIDE / Math.max(w, h));
  return { width: Math.max(MIN_SIDE, Math.round(w * k)), height: Math.max(MIN_SIDE, Math.round(h * k)) };
}

/** The height that gives exactly the aspect ratio "W:H" (e.g. "2.39:1", "16:9") at `width`, or null when it cannot be read. */
function exactHeight(width: number, aspectRatio: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(aspectRatio ?? '');
  const ratio = m ? Number(m[1]) / Number(m[2]) : NaN;
  return Number.isFinite(width) && width > 0 && Number.isFinite(ratio) && ratio > 0 ? Math.round(width / ratio) : null;
}
