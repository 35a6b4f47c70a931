import type { WsClient } from './ws-client';

/** What a websocket frame told us about one prompt: it is done, failed, or was interrupted. */
export type PromptSignal =
  | { kind: 'done'; via: 'executing-null' | 'execution_success' | 'progress_state' }
  | { kind: 'error'; nodeId?: string; nodeType?: string; message: string }
  | { kind: 'interrupted'; nodeType?: string };

interface Frame {
  type?: string;
  data?: Record<string, any>;
}

/**
 * Listens to ComfyUI's `/ws` frames and turns them into hints per prompt. Frames may arrive before
 * the POST /prompt answer names the prompt, so signals are kept until asked for. Old servers end
 * with `executing {node: null}`, newer ones with `execution_success` or a final `progress_state`;
 * each is only a hint: completion is confirmed with /history.
 */
export class ComfyEvents {
  private readonly signals = new Map<string, PromptSignal>();
  private readonly wakers = new Set<() => void>();
  private progressOf: { promptId: string; report: (fraction: number) => void } | null = null;

  constructor(ws: WsClient) {
    ws.onText((text) => {
      let frame: Frame;
      try {
        frame = JSON.parse(text) as Frame;
      } catch {
        return;
      }
      this.take(frame);
    });
    ws.onClose(() => this.wake());
  }

  /** Progress frames for this prompt go to `report` (0..1). */
  watchProgress(promptId: string, report: (fraction: number) => void): void {
    this.progressOf = { promptId, report };
  }

  signal(promptId: string): PromptSignal | undefined {
    return this.signals.get(promptId);
  }

  /** Resolves at the next frame that changes a prompt's signal (or when the socket closes). */
  nextChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wakers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.wakers.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(): void {
    for (const w of [...this.wakers]) w();
  }

  private set(promptId: unknown, s: PromptSignal): void {
    if (typeof promptId !== 'string') return;
    const existing = this.signals.get(promptId);
    if (existing && existing.kind !== 'done') return; // an error outranks a later "done"
    this.signals.set(promptId, s);
    this.wake();
  }

  private take({ type, data }: Frame): void {
    if (!data) return;
    const promptId = data.prompt_id;
    switch (type) {
      case 'executing':
        if (data.node === null) this.set(promptId, { kind: 'done', via: 'executing-null' });
        break;
      case 'execution_success':
        this.set(promptId, { kind: 'done', via: 'execution_success' });
        break;
      case 'execution_error':
        this.set(promptId, { kind: 'error', nodeId: data.node_id, nodeType: data.node_type, message: String(data.exception_message ?? data.exception_type ?? 'unknown error').trim() });
        break;
      case 'execution_interrupted':
        this.set(promptId, { kind: 'interrupted', nodeType: data.node_type });
        break;
      case 'progress':
        // Older servers omit prompt_id on progress frames: they belong to whatever is running.
        if (this.progressOf && (promptId === undefined || promptId === this.progressOf.promptId) && data.max > 0) {
          this.progressOf.report(Math.min(1, data.value / data.max));
        }
        break;
      case 'progress_state': {
        const nodes = Object.values((data.nodes ?? {}) as Record<string, { state?: string }>);
        if (nodes.length === 0) break;
        const finished = nodes.filter((n) => n.state === 'finished').length;
        const watcher = this.progressOf;
        if (watcher && watcher.promptId === promptId) watcher.report(finished / nodes.length);
        if (finished === nodes.length) this.set(promptId, { kind: 'done', via: 'progress_state' });
        break;
      }
    }
  }
}
