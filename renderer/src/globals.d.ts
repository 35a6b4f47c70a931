import type { BoardwrightBridge } from '../../shared/api/bridge';
import type { BoardSnapshot } from './board/test-hook';

declare global {
  interface Window {
    /** Present in Electron only (the preload bridge). */
    boardwright?: BoardwrightBridge;
    /** Read-only snapshot of the board and its on-canvas card rectangles, for E2E tests. */
    readonly __boardwrightBoard?: BoardSnapshot | null;
    /** performance.now() when the board first became interactive (benchmark), else null. */
    readonly __boardwrightReadyAt?: number | null;
    readonly __boardwrightFirstDrawAt?: number | null;
  }
}

export {};
