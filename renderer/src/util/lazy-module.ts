import { useEffect, useReducer, useRef } from 'react';

/**
 * A code chunk loaded on first use and rendered without Suspense: React holds back the reveal of a
 * suspended boundary until 300 ms after its fallback showed, so a chunk that arrives in 60 ms still
 * showed after 300 (most of the panel editor's opening time).
 */
export interface LazyModule<T> {
  /** Starts loading (once); resolves with the module. */
  load(): Promise<T>;
  /** The module, once loaded. */
  loaded(): T | undefined;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading: Promise<T> | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (value = m),
        (e: unknown) => {
          loading = null; // the next use tries again
          throw e;
        },
      )),
    loaded: () => value,
  };
}

/**
 * The module when loaded, else undefined (and the component renders again when it is). Loading starts
 * while rendering, not in an effect, so it runs beside whatever else the first render starts. When
 * it fails to load, `onFailure` says so (the next use tries again).
 */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean, onFailure: (error: unknown) => void): T | undefined {
  const [, loadedNow] = useReducer((n: number) => n + 1, 0);
  const failed = useRef(onFailure);
  failed.current = onFailure;
  const value = module.loaded();
  if (wanted && !value) void module.load().catch(() => undefined);
  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    module.load().then(
      () => live && loadedNow(),
      (error: unknown) => live && failed.current(error),
    );
    return () => {
      live = false;
    };
  }, [module, wanted, value]);
  return value;
}
