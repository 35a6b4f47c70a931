import type { Board } from '../../../shared/domain/board';
import { findPanel } from '../state/board-store';
import { shortcut } from '../util/platform';
import type { MenuItem } from './menu-item';

/** What the board menus depend on: the board and what is selected on it. */
export interface BoardMenuState {
  board: Board | null;
  selection: ReadonlySet<string>;
  focusId: string | null;
  sceneId: string | null;
}

/** The scene the user is working in: the selected header's, else the focused panel's. */
function currentSceneId(s: BoardMenuState): string | null {
  return s.sceneId ?? findPanel(s.board, s.focusId)?.scene.id ?? null;
}

/** Edit-menu items that act on the selection. */
export function selectionItems(s: BoardMenuState): MenuItem[] {
  const has = s.selection.size > 0;
  return [
    { type: 'command', id: 'duplicate', label: 'Duplicate', shortcut: shortcut('D'), disabled: !has, command: { kind: 'duplicate' } },
    { type: 'command', id: 'delete', label: s.selection.size > 1 ? `Delete ${s.selection.size} Panels` : 'Delete', shortcut: 'Del', disabled: !has, command: { kind: 'delete' } },
    { type: 'separator' },
    { type: 'command', id: 'select-all', label: 'Select All', shortcut: shortcut('A'), disabled: !s.board, command: { kind: 'selectAll' } },
  ];
}

/** The Board menu: panels and scenes, shot numbers, zoom. */
export function boardMenuItems(s: BoardMenuState): MenuItem[] {
  const focus = findPanel(s.board, s.focusId);
  const sceneId = currentSceneId(s);
  const sceneIndex = s.board?.scenes.findIndex((x) => x.id === sceneId) ?? -1;
  const canMerge = sceneIndex >= 0 && sceneIndex < (s.board?.scenes.length ?? 0) - 1;
  const none = !s.board;
  return [
    { type: 'command', id: 'add-panel', label: 'New Panel', shortcut: 'N', disabled: none, command: { kind: 'addPanel' } },
    { type: 'command', id: 'add-scene', label: 'New Scene', disabled: none, command: sceneId ? { kind: 'addScene', afterSceneId: sceneId } : { kind: 'addScene' } },
    { type: 'command', id: 'open-editor', label: 'Open in Panel Editor', shortcut: 'Enter', disabled: !focus, command: { kind: 'openEditor', panelId: focus?.panel.id ?? '' } },
    { type: 'separator' },
    {
      type: 'command',
      id: 'split-scene',
      label: focus ? `Split Scene at ${focus.panel.shotNumber}` : 'Split Scene at Panel',
      disabled: !focus || focus.index === 0,
      title: focus?.index === 0 ? 'The first panel already starts its scene' : undefined,
      command: { kind: 'splitScene', panelId: focus?.panel.id ?? '' },
    },
    { type: 'command', id: 'merge-scenes', label: 'Merge with Next Scene', disabled: !canMerge, command: { kind: 'mergeWithNext', sceneId: sceneId ?? '' } },
    { type: 'command', id: 'renumber', label: 'Renumber All Shots', disabled: none, command: { kind: 'renumber' } },
    {
      type: 'command',
      id: 'lock-shot-numbers',
      label: s.board?.project.shotNumbersLocked ? 'Unlock Shot Numbers' : 'Lock Shot Numbers',
      title: 'Locked, no shot changes number; a panel added between 1A and 1B becomes 1AA',
      disabled: none,
      command: { kind: 'toggleShotLock' },
    },
    { type: 'separator' },
    { type: 'command', id: 'zoom-in', label: 'Zoom In', shortcut: shortcut('='), disabled: none, command: { kind: 'zoomIn' } },
    { type: 'command', id: 'zoom-out', label: 'Zoom Out', shortcut: shortcut('-'), disabled: none, command: { kind: 'zoomOut' } },
    { type: 'command', id: 'zoom-reset', label: 'Actual Size', shortcut: shortcut('0'), disabled: none, command: { kind: 'zoomReset' } },
    { type: 'command', id: 'fit', label: 'Fit Board', shortcut: shortcut('1', { shift: true, mod: false }), disabled: none, command: { kind: 'fit' } },
  ];
}
