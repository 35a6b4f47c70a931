import { useState, type DragEvent, type RefObject } from 'react';
import { actions } from '../state/actions';
import { scriptAmong } from '../script/script-files';
import { scriptActions } from '../script/script-actions';
import type { ImageTarget } from '../state/media-actions';
import { useViewStore } from '../state/view-store';
import { boardView } from './board-view';
import { screenToBoard } from './camera';
import { sameRect } from './drag-state';
import { hitTest, panelSlot } from './hit-test';
import { frameOf, type Rect } from './layout';

/** What the board shows while files are dragged over it: the card that would take the image, or the bar where new panels go. */
export interface FileDropVisual {
  card: Rect | null;
  bar: Rect | null;
}

/** The share of a card's width at each side where a drop inserts new panels instead of replacing the picture. */
const EDGE_SHARE = 0.2;

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Image files dragged from the desktop: onto the middle of a card they replace its picture; anywhere
 * else (gaps, card edges, headers) they become new panels at the insertion point under the pointer
 * (panels.addImages with that index). A screenplay (.fountain, .spmd, .txt, .fdx) opens the script import.
 */
export function useFileDrop(containerRef: RefObject<HTMLDivElement | null>) {
  const [visual, setVisual] = useState<FileDropVisual | null>(null);

  const targetAt = (e: DragEvent): { target: ImageTarget; visual: FileDropVisual } => {
    const layout = boardView.layout;
    const box = containerRef.current?.getBoundingClientRect();
    if (!layout || !box || layout.scenes.length === 0) return { target: { kind: 'end' }, visual: { card: null, bar: null } };
    const p = screenToBoard(useViewStore.getState().camera, { x: e.clientX - box.left, y: e.clientY - box.top });
    const hit = hitTest(layout, p);
    // The middle of a card takes the image; its outer edges insert beside it, like the gaps between cards.
    const r = hit.kind === 'card' ? hit.card.rect : null;
    if (hit.kind === 'card' && r && p.x > r.x + r.width * EDGE_SHARE && p.x < r.x + r.width * (1 - EDGE_SHARE)) {
      return { target: { kind: 'panel', panelId: hit.card.panel.id }, visual: { card: frameOf(hit.card, layout.metrics), bar: null } };
    }
    const slot = panelSlot(layout, p);
    if (!slot) return { target: { kind: 'end' }, visual: { card: null, bar: null } };
    return { target: { kind: 'slot', sceneId: slot.sceneId, index: slot.index }, visual: { card: null, bar: slot.bar } };
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    const next = targetAt(e).visual;
    setVisual((v) => (v && sameRect(v.card, next.card) && sameRect(v.bar, next.bar) ? v : next));
  };

  return {
    visual,
    handlers: {
      onDragEnter: onDragOver,
      onDragOver,
      onDragLeave: (e: DragEvent<HTMLDivElement>) => {
        if (!containerRef.current?.contains(e.relatedTarget as Node | null)) setVisual(null);
      },
      onDrop: (e: DragEvent<HTMLDivElement>) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setVisual(null);
        const files = Array.from(e.dataTransfer.files);
        const target = targetAt(e).target;
        // A screenplay dropped on the board is imported (with its preview), not added as a picture.
        if (files.length) void scriptAmong(files).then((script) => (script ? scriptActions.preview(script) : actions.dropImages(files, target)));
      },
    },
  };
}
