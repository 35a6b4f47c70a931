import { useEffect, useRef } from 'react';
import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';

let active: HTMLInputElement | null = null;

/** Opens the file chooser for the selected panel's image. */
export function chooseImage(): void {
  if (useBoardStore.getState().selectedPanelId) active?.click();
}

/** The hidden file input behind "Add image…". The chosen file goes to the panel selected when it was opened. */
export function ImageInput() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    active = ref.current;
    return () => {
      if (active === ref.current) active = null;
    };
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      hidden
      data-testid="image-input"
      onChange={(e) => {
        const input = e.currentTarget;
        const file = input.files?.[0];
        const panelId = useBoardStore.getState().selectedPanelId;
        input.value = '';
        if (file && panelId) void actions.setImage(panelId, file);
      }}
    />
  );
}
