import { errorMessage } from '../api/errors';
import { useSessionStore } from './session-store';

/**
 * Runs a dialog's request with its buttons waiting (`setWorking`), and turns a failure into the app's
 * error notice titled `failure`; the answer is then undefined.
 */
export function workingRunner(setWorking: (working: boolean) => void) {
  return async function working<T>(failure: string, task: () => Promise<T>): Promise<T | undefined> {
    setWorking(true);
    try {
      return await task();
    } catch (e) {
      useSessionStore.getState().showNotice({ kind: 'error', title: failure, message: errorMessage(e) });
      return undefined;
    } finally {
      setWorking(false);
    }
  };
}
