/** The paper under a sketch (the core's PAPER), shown where the image does not cover the frame or is faded. */
export const PAPER = '#f6f4ee';
