/**
 * better-sqlite3 loads a native addon built for one ABI. Node (tests, CLI, web mode) uses the one npm
 * built; the Electron app points this at an Electron-ABI build kept apart (see scripts/electron-native.mjs).
 */
let nativeBinding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}
