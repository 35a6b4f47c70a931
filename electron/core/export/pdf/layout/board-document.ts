import type { Panel } from '../../../../../shared/domain/board';
import { resolveTextPlacement, type PdfBoardOptions } from '../../../../../shared/domain/export';
import type { PageModel } from '../model';
import type { SelectedScene } from '../selection';
import type { FontBook } from '../text/font-book';
import { layoutCell, type CellContext } from './cell';
import { coverPage } from './cover';
import { gridCells, pageFrame } from './geometry';
import { footerOps, headerOps } from './header';

/** Which panels a board page holds, with the scenes they come from. */
export interface PagePlan {
  panels: { panel: Panel; scene: number }[];
  scenes: { number: number; heading: string }[];
}

export interface BoardDocumentInput {
  title: string;
  /** Frame aspect ratio, width / height. */
  aspect: number;
  scenes: SelectedScene[];
  options: PdfBoardOptions;
  date: string;
  hasLogo: boolean;
}

/** Panels per page, page breaks at scenes when asked: pure arithmetic, so "of N" is known up front. */
export function paginate(scenes: SelectedScene[], perPage: number, sceneBreaks: boolean): PagePlan[] {
  const pages: PagePlan[] = [];
  const groups = sceneBreaks ? scenes.map((s) => [s]) : [scenes];
  for (const group of groups) {
    const items = group.flatMap((s) => s.panels.map((panel) => ({ panel, scene: s.number })));
    for (let i = 0; i < items.length; i += perPage) {
      const panels = items.slice(i, i + perPage);
      const numbers = new Set(panels.map((p) => p.scene));
      pages.push({ panels, scenes: group.filter((s) => numbers.has(s.number)).map((s) => ({ number: s.number, heading: s.heading })) });
    }
  }
  return pages;
}

/**
 * The whole board document as a sequence of page models, computed one page at a time (a 2,000-panel
 * export never holds more than one page's layout). Page 0 is the cover when there is one.
 */
export class BoardDocument {
  readonly plans: PagePlan[];
  readonly hasCover: boolean;
  private readonly ctx: CellContext;

  constructor(
    private readonly book: FontBook,
    private readonly input: BoardDocumentInput,
  ) {
    const { grid, fields, text, sceneBreaks } = input.options;
    this.plans = paginate(input.scenes, grid.cols * grid.rows, sceneBreaks);
    this.hasCover = input.options.cover !== null;
    this.ctx = { book, placement: resolveTextPlacement(grid, text), fields: new Set(fields), aspect: input.aspect, single: grid.cols * grid.rows === 1 };
  }

  get pageCount(): number {
    return this.plans.length + (this.hasCover ? 1 : 0);
  }

  get panelCount(): number {
    return this.input.scenes.reduce((n, s) => n + s.panels.length, 0);
  }

  /** Panels drawn on page `index` (0 for the cover). */
  panelsOn(index: number): number {
    const plan = this.plans[index - (this.hasCover ? 1 : 0)];
    return plan ? plan.panels.length : 0;
  }

  page(index: number): PageModel {
    const { options, title, date } = this.input;
    if (this.hasCover && index === 0) {
      const panels = this.input.scenes.flatMap((s) => s.panels);
      return coverPage(this.book, {
        paper: options.paper, orientation: options.orientation, title: options.cover?.title?.trim() || title,
        credits: options.cover?.credits ?? '', versionLabel: options.versionLabel, date, hasLogo: this.input.hasLogo,
        scenes: this.input.scenes.length, shots: panels.length, runningMs: panels.reduce((t, p) => t + p.durationMs, 0), footer: options.footer,
      });
    }
    const n = index - (this.hasCover ? 1 : 0);
    const plan = this.plans[n];
    const frame = pageFrame(options.paper, options.orientation, options.footer !== null);
    const ops = headerOps(this.book, frame.header, {
      title, scenes: plan.scenes, versionLabel: options.versionLabel, date, page: n + 1, pageCount: this.plans.length,
    });
    const cells = gridCells(frame.body, options.grid);
    plan.panels.forEach((item, i) => ops.push(...layoutCell(this.ctx, item.panel, cells[i])));
    if (frame.footer && options.footer) ops.push(...footerOps(this.book, frame.footer, options.footer));
    return { width: frame.width, height: frame.height, ops };
  }
}
