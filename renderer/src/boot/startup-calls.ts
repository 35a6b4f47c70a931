import { api } from '../api/client';

/**
 * The four calls every start makes, sent as this module loads: main.tsx imports it first, so the core
 * reads the board while React, Konva and the rest of the UI code are still being compiled, instead of
 * after. A project is usually open (the last one, or one passed on the command line).
 */
function send() {
  const none = () => null;
  const calls = {
    appInfo: api.call('app.info', {}),
    current: api.call('project.current', {}),
    board: api.call('board.get', {}).catch(none),
    history: api.call('history.state', {}).catch(none),
  };
  // Handled where they are awaited (actions.start); this only keeps an early failure from being reported as unhandled.
  calls.appInfo.catch(() => undefined);
  calls.current.catch(() => undefined);
  return calls;
}

let early: ReturnType<typeof send> | null = send();

/** The startup calls: the ones already in flight the first time, fresh ones after that. */
export function startupCalls(): ReturnType<typeof send> {
  const calls = early ?? send();
  early = null;
  return calls;
}
