import type { PanelLayers } from '../../../shared/domain/sketch';
import { decodeLayersBody } from '../../../shared/domain/sketch-pack';

/** A load started before the editor asked for it: the panel and board version it is for, and its layers once they came. */
let ahead: { key: string; promise: Promise<PanelLayers>; layers: PanelLayers | null } | null = null;

const keyOf = (panelId: string, version: number) => `${panelId}@${version}`;

/** The layers as one binary body (no base64 or long JSON to decode on the main thread; see sketch-pack.ts). */
async function load(panelId: string): Promise<PanelLayers> {
  const response = await fetch(`/media/layers/${encodeURIComponent(panelId)}`, { credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 404) throw new Error('This panel is no longer in the project.');
  // A refusal says why in its body (a damaged sketch); anything else gives its status.
  if (!response.ok) throw new Error((response.status === 422 && (await response.text())) || `The sketch did not load (HTTP ${response.status}).`);
  return decodeLayersBody(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Starts loading a panel's layers as soon as the editor is opened on it, while the editor's own code
 * is still loading and rendering (on a large sketch the load is most of the wait).
 */
export function prefetchPanelLayers(panelId: string, version: number): void {
  const key = keyOf(panelId, version);
  if (ahead?.key === key) return;
  const promise = load(panelId);
  const started = { key, promise, layers: null as PanelLayers | null };
  promise.then(
    (layers) => void (started.layers = layers),
    () => undefined, // reported when the editor takes it
  );
  ahead = started;
}

/** The layers a load started ahead has already brought for this panel and version, else null (it stays to be taken). */
export function loadedPanelLayers(panelId: string, version: number): PanelLayers | null {
  return ahead?.key === keyOf(panelId, version) ? ahead.layers : null;
}

/** Resolves once the load started ahead for this panel and version has come or failed (at once when there is none). */
export function panelLayersSettled(panelId: string, version: number): Promise<void> {
  const key = keyOf(panelId, version);
  return ahead?.key === key ? ahead.promise.then(() => undefined, () => undefined) : Promise.resolve();
}

/** The panel's layers at this board version: the load already on its way, or a new one. */
export function loadPanelLayers(panelId: string, version: number): Promise<PanelLayers> {
  const key = keyOf(panelId, version);
  if (ahead?.key === key) {
    const { promise } = ahead;
    ahead = null;
    return promise;
  }
  return load(panelId);
}
