import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { runMenuCommand } from '../menu/commands';
import type { MenuItem } from '../menu/menu-item';
import { MenuList } from '../menu/MenuList';
import { findPanel, useBoardStore } from '../state/board-store';
import { useViewStore, type ContextTarget } from '../state/view-store';
import { shortcut } from '../util/platform';

function itemsFor(target: ContextTarget): MenuItem[] {
  const { board, selection } = useBoardStore.getState();
  if (target.kind === 'panel') {
    const at = findPanel(board, target.panelId);
    if (!at) return [];
    const many = selection.size > 1;
    const sceneIndex = board!.scenes.indexOf(at.scene);
    return [
      { type: 'command', id: 'ctx-open', label: 'Open in Panel Editor', shortcut: 'Enter', command: { kind: 'openEditor', panelId: at.panel.id } },
      { type: 'command', id: 'ctx-image', label: at.panel.imageSha256 ? 'Replace Image…' : 'Add Image…', disabled: many, command: { kind: 'chooseImage' } },
      { type: 'separator' },
      { type: 'command', id: 'ctx-insert-before', label: 'Insert Panel Before', command: { kind: 'insertPanel', sceneId: at.scene.id, index: at.index } },
      { type: 'command', id: 'ctx-insert-after', label: 'Insert Panel After', shortcut: 'N', command: { kind: 'insertPanel', sceneId: at.scene.id, index: at.index + 1 } },
      { type: 'command', id: 'ctx-duplicate', label: many ? `Duplicate ${selection.size} Panels` : 'Duplicate', shortcut: shortcut('D'), command: { kind: 'duplicate' } },
      { type: 'command', id: 'ctx-delete', label: many ? `Delete ${selection.size} Panels` : 'Delete', shortcut: 'Del', command: { kind: 'delete' } },
      { type: 'separator' },
      { type: 'command', id: 'ctx-split', label: `Split Scene at ${at.panel.shotNumber}`, disabled: at.index === 0, command: { kind: 'splitScene', panelId: at.panel.id } },
      { type: 'command', id: 'ctx-merge', label: 'Merge with Next Scene', disabled: sceneIndex >= board!.scenes.length - 1, command: { kind: 'mergeWithNext', sceneId: at.scene.id } },
      { type: 'command', id: 'ctx-renumber', label: 'Renumber Scene', command: { kind: 'renumber', sceneIds: [at.scene.id] } },
    ];
  }
  if (target.kind === 'scene') {
    const i = board?.scenes.findIndex((s) => s.id === target.sceneId) ?? -1;
    if (i < 0) return [];
    const scene = board!.scenes[i];
    return [
      { type: 'command', id: 'ctx-rename', label: 'Edit Heading…', command: { kind: 'editScene', sceneId: scene.id } },
      { type: 'command', id: 'ctx-scene-panel', label: 'Add Panel to Scene', command: { kind: 'insertPanel', sceneId: scene.id, index: scene.panels.length } },
      { type: 'command', id: 'ctx-scene-after', label: 'New Scene After', command: { kind: 'addScene', afterSceneId: scene.id } },
      { type: 'separator' },
      { type: 'command', id: 'ctx-merge', label: 'Merge with Next Scene', disabled: i >= board!.scenes.length - 1, command: { kind: 'mergeWithNext', sceneId: scene.id } },
      { type: 'command', id: 'ctx-renumber', label: 'Renumber Scene', command: { kind: 'renumber', sceneIds: [scene.id] } },
      { type: 'separator' },
      { type: 'command', id: 'ctx-delete-scene', label: scene.panels.length ? `Delete Scene and ${scene.panels.length} Panels` : 'Delete Scene', command: { kind: 'deleteScene', sceneId: scene.id } },
    ];
  }
  return [
    { type: 'command', id: 'ctx-add-panel', label: 'New Panel', shortcut: 'N', command: { kind: 'addPanel' } },
    { type: 'command', id: 'ctx-add-scene', label: 'New Scene', command: { kind: 'addScene' } },
    { type: 'separator' },
    { type: 'command', id: 'ctx-select-all', label: 'Select All', shortcut: shortcut('A'), command: { kind: 'selectAll' } },
    { type: 'command', id: 'ctx-renumber-all', label: 'Renumber All Shots', command: { kind: 'renumber' } },
    { type: 'command', id: 'ctx-fit', label: 'Fit Board', command: { kind: 'fit' } },
  ];
}

/** The right-click menu of a panel, a scene header or the empty board. */
export function ContextMenu() {
  const menu = useViewStore((s) => s.contextMenu);
  const close = () => useViewStore.getState().openContextMenu(null);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    if (!menu || !ref.current) return setPos(null);
    const box = ref.current.getBoundingClientRect();
    setPos({ x: Math.min(menu.x, window.innerWidth - box.width - 6), y: Math.min(menu.y, window.innerHeight - box.height - 6) });
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const onPointer = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && close();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', close);
    };
  }, [menu]);

  if (!menu) return null;
  const items = itemsFor(menu.target);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="context-menu" data-testid="context-menu" style={{ left: pos?.x ?? menu.x, top: pos?.y ?? menu.y, visibility: pos ? 'visible' : 'hidden' }}>
      <MenuList items={items} onCommand={(c) => (close(), runMenuCommand(c))} />
    </div>
  );
}
