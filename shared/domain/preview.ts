/**
 * Display-size previews of pictures (cards drawn larger than their thumbnail): the widths they come
 * in, so that the renderer asks for, and the core's cache holds, at most two per picture.
 */
export const PREVIEW_WIDTHS = [512, 1024] as const;

/** The preview width for a wanted width: the smallest that is large enough, at most the largest. */
export function previewWidth(wanted: number): number {
  return PREVIEW_WIDTHS.find((w) => w >= wanted) ?? PREVIEW_WIDTHS[PREVIEW_WIDTHS.length - 1];
}
