import { isAppUrl } from './origin';

/** The parts of Electron's WebFrameMain the check needs (plain objects in tests). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * An IPC call is trusted only when it comes from our window's main frame (not a subframe, not a frame
 * that has since navigated away) while that frame shows app://boardwright.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(frame.url);
}
