/** Helpers of the canvas-*.e2e.ts tests: seeding boards, real-mouse drags, dropping files, comparing with the core. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Board } from '../../shared/domain/board';
import type { BoardSnapshot } from '../../renderer/src/board/test-hook';
import { center, waitForBoard } from './browser';
import { sketchPng } from './images';
import type { RunningWebServer } from './web-server';

/**
 * A viewport tall enough that a two-scene board fits above the animatic timeline docked under the
 * canvas, so drags can go from one scene to another without scrolling.
 */
export const TALL = { width: 1440, height: 1300 };

export interface SceneSpec {
  heading: string;
  /** Number of panels, each with a sketch image unless `images` is false. */
  panels: number;
  images?: boolean;
}

/** A project with scenes of panels (sketch images by default); returns panel ids per scene, in order. */
export async function seedBoard(server: RunningWebServer, scenes: SceneSpec[], opts: { title?: string; aspectRatio?: string } = {}): Promise<string[][]> {
  await server.call('project.new', { title: opts.title ?? 'Canvas', aspectRatio: opts.aspectRatio ?? '16:9' });
  const ids: string[][] = [];
  let n = 0;
  for (const spec of scenes) {
    const scene = await server.call<{ id: string }>('scenes.create', { patch: { heading: spec.heading } });
    const row: string[] = [];
    for (let i = 0; i < spec.panels; i++) {
      const panel = await server.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id });
      if (spec.images !== false) {
        const png = await sketchPng(n++, panel.shotNumber, 480, 270);
        await server.call('panels.setImage', { panelId: panel.id, fileName: `${panel.shotNumber}.png`, uploadId: await server.upload('image', png) });
      }
      row.push(panel.id);
    }
    ids.push(row);
  }
  return ids;
}

/** Panel ids per scene, in board order. */
export const order = (board: Board): string[][] => board.scenes.map((s) => s.panels.map((p) => p.id));
export const sceneOrder = (board: Board): string[] => board.scenes.map((s) => s.id);

/** Waits until every visible card has its thumbnail (the board's readiness report). */
export function waitReady(page: Page): Promise<BoardSnapshot & { board: Board }> {
  return waitForBoard(page, (s) => s.readyAt !== null && s.visibleIds.every((id) => s.thumbnails[id] !== 'loading'));
}

/** A real mouse drag: press at `from`, move in steps to `to`, release. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 16): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** The point just left of a card (between it and its left neighbour), where a drop inserts before it. */
export function beforeCard(rect: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: rect.x + 6, y: center(rect).y };
}

/** The board the page shows equals the core's board.get, and the history agrees. */
export async function expectInSync(page: Page, server: RunningWebServer): Promise<void> {
  const core = await server.call<Board>('board.get');
  const snap = await waitForBoard(page, (s) => JSON.stringify(s.board) === JSON.stringify(core));
  expect(snap.board).toEqual(core);
}

export interface DropFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/**
 * Drops files on the board canvas at a page point the way a desktop drag does: a DataTransfer built in
 * the page from File objects, then dragenter, dragover and drop on the canvas element under the point.
 */
export async function dropFiles(page: Page, at: { x: number; y: number }, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const init = { dataTransfer: transfer, clientX: at.x, clientY: at.y, bubbles: true, cancelable: true };
  const target = page.getByTestId('board-canvas').locator('canvas').first();
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, init);
  await transfer.dispose();
}
