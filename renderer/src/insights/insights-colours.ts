import { SHOT_SIZES } from '../../../shared/domain/board-constants';

/**
 * One colour per shot size, from cool (close) to warm (wide), so a rhythm strip reads as "tight" or
 * "open" at a glance. Panels without a size are grey.
 */
const PALETTE = ['#7c5cff', '#4a8cff', '#2fb5d6', '#3cc48f', '#8fcf4a', '#f0c23b', '#f08a3b', '#e0607e', '#c86bd8', '#9aa1ab'];

export const SHOT_SIZE_COLOURS: Record<string, string> = Object.fromEntries(SHOT_SIZES.map((s, i) => [s, PALETTE[i % PALETTE.length]]));

export const NO_SIZE_COLOUR = '#4b505a';

export const shotSizeColour = (size: string | null): string => (size && SHOT_SIZE_COLOURS[size]) || NO_SIZE_COLOUR;
