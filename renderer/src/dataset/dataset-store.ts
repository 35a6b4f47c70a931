import { create } from 'zustand';

/** Whether File > Export Decision Dataset… is open. */
export const useDatasetStore = create<{ open: boolean; set(open: boolean): void }>()((set) => ({ open: false, set: (open) => set({ open }) }));

export function openDatasetExport(): void {
  useDatasetStore.getState().set(true);
}
