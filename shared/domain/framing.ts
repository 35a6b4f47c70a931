/** The part of a panel's picture the camera shows: the timeline, the exporter and the player share these. */

/** A rectangle in fractions of the panel image's width and height (0..1; may reach outside). */
export interface NormRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A camera move: the framing at the panel's first frame and at its last (linear in between). */
export interface CameraFraming {
  start: NormRect;
  end: NormRect;
}
