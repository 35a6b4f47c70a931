import { ensureBuilt } from './web-server';

/** Builds the app once before any E2E file runs (each file then finds the build up to date). */
export default function setup(): void {
  ensureBuilt();
  process.env.BOARDWRIGHT_E2E_BUILT = '1';
}
