import type { Timeline } from '../../../shared/domain/animatic';

/** Project audio as the player hears it: Web Audio buffers decoded from /media/audio/<sha256>. */
class AudioEngine {
  private ctx: AudioContext | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();
  private playing: AudioScheduledSourceNode[] = [];
  /** Files the browser could not decode (shown once in the lane). */
  readonly failed = new Set<string>();

  /** The clock playback follows (audio hardware time), created on the first user gesture. */
  context(): AudioContext | null {
    if (!this.ctx && typeof AudioContext !== 'undefined') this.ctx = new AudioContext({ latencyHint: 'interactive' });
    return this.ctx;
  }

  buffer(sha256: string): Promise<AudioBuffer | null> {
    let p = this.buffers.get(sha256);
    if (!p) {
      p = (async () => {
        const ctx = this.context();
        if (!ctx) return null;
        try {
          const res = await fetch(`/media/audio/${sha256}`);
          if (!res.ok) throw new Error(String(res.status));
          return await ctx.decodeAudioData(await res.arrayBuffer());
        } catch {
          this.failed.add(sha256);
          return null;
        }
      })();
      this.buffers.set(sha256, p);
    }
    return p;
  }

  /**
   * Starts every audible clip from timeline time `fromMs`, at context time `when`, forwards at `speed`
   * (2x and 4x shuttle sound higher and faster, as a tape machine's would).
   */
  async start(t: Timeline, fromMs: number, when: number, speed = 1): Promise<void> {
    this.stop();
    const ctx = this.context();
    if (!ctx) return;
    const token = this.playing;
    for (const clip of t.audio) {
      if (!clip.audible || clip.playMs <= 0 || clip.atMs + clip.playMs <= fromMs) continue;
      const buffer = await this.buffer(clip.sha256);
      if (!buffer || token !== this.playing) continue;
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.playbackRate.value = speed;
      const gain = ctx.createGain();
      gain.gain.value = clip.volume;
      source.connect(gain).connect(ctx.destination);
      const skipMs = Math.max(0, fromMs - clip.atMs);
      const delay = Math.max(0, clip.atMs - fromMs) / 1000 / speed;
      // Scheduled against the same clock the playhead reads, so picture and sound stay together.
      const at = Math.max(ctx.currentTime, when + delay);
      const late = Math.max(0, ctx.currentTime - (when + delay));
      // Offset and duration are in the file's own time; lateness in context time, so scaled by the speed.
      source.start(at, (clip.offsetMs + skipMs) / 1000 + late * speed, Math.max(0, (clip.playMs - skipMs) / 1000 - late * speed));
      this.playing.push(source);
    }
  }

  stop(): void {
    for (const s of this.playing) {
      try {
        s.stop();
      } catch {
        // Already ended.
      }
    }
    this.playing = [];
  }
}

export const audioEngine = new AudioEngine();
