import { create } from 'zustand';

/** The strokes the selection tool holds: ids of saved strokes on one layer (the active one). */
export interface SelectionState {
  layerId: string | null;
  ids: readonly string[];
  select(layerId: string, ids: readonly string[]): void;
  clear(): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  layerId: null,
  ids: [],
  select: (layerId, ids) => set({ layerId, ids: [...new Set(ids)] }),
  clear: () => set((s) => (s.ids.length === 0 && s.layerId === null ? s : { layerId: null, ids: [] })),
}));

/** The selected ids on a layer (none when the selection is on another layer). */
export const selectedOn = (s: Pick<SelectionState, 'layerId' | 'ids'>, layerId: string | null | undefined): ReadonlySet<string> =>
  new Set(layerId && s.layerId === layerId ? s.ids : []);
