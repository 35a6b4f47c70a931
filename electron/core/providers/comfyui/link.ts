import type { ProviderHttp } from '../http';
import type { ProviderDeps } from '../types';
import type { ComfyEvents } from './events';

/** One ComfyUI server as one generation talks to it. */
export interface ComfyLink {
  http: ProviderHttp;
  base: string;
  headers: Record<string, string>;
  deps: ProviderDeps;
  events: ComfyEvents | null;
  pollIntervalMs: number;
  maxWaitMs: number;
}
