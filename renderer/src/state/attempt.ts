/** Calls that run beside the board's queue (a render must not wait behind board edits): a failure becomes the app's notice. */
import { errorMessage } from '../api/errors';
import { useSessionStore } from './session-store';

export const notice = (kind: 'error' | 'info', title: string, message: string) => useSessionStore.getState().showNotice({ kind, title, message });

export async function attempt<T>(failure: string, task: () => Promise<T>): Promise<T | undefined> {
  try {
    return await task();
  } catch (e) {
    notice('error', failure, errorMessage(e));
    return undefined;
  }
}
