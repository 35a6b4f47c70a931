import { Icon } from '../../components/Icons';

export const LineIcon = () => (
  <Icon>
    <path d="M3 13 13 3" />
  </Icon>
);

export const RectIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="11" height="9" rx="0.5" />
  </Icon>
);

export const EllipseIcon = () => (
  <Icon>
    <ellipse cx="8" cy="8" rx="5.5" ry="4.5" />
  </Icon>
);

/** Camera move: an outlined arrow. */
export const CameraArrowIcon = () => (
  <Icon>
    <path d="M2.5 6.5h6v-3l5 4.5-5 4.5v-3h-6z" />
  </Icon>
);

/** Character move: a solid arrow. */
export const CharacterArrowIcon = () => (
  <Icon>
    <path d="M2.5 6.5h6v-3l5 4.5-5 4.5v-3h-6z" fill="currentColor" />
  </Icon>
);

export const FillIcon = () => (
  <Icon>
    <path d="M7 2.5 2.5 7l5 5L12 7.5z" />
    <path d="M2.5 7h9.5" />
    <path d="M13.5 10.5c.6.9 1 1.6 1 2.1a1 1 0 0 1-2 0c0-.5.4-1.2 1-2.1z" fill="currentColor" strokeWidth={1} />
  </Icon>
);

export const TextIcon = () => (
  <Icon>
    <path d="M3.5 4V3h9v1M8 3v10M6 13h4" />
  </Icon>
);

/** The stroke eraser: an eraser over a struck-through line (it takes whole strokes). */
export const StrokeEraserIcon = () => (
  <Icon>
    <path d="M2 13.5h12" />
    <path d="m6.5 11 6-6-2.5-2.5-6 6L6 11h.5Z" />
    <path d="M2.5 4.5 5 2" />
  </Icon>
);

/** The lasso: a loop with its tail. */
export const LassoIcon = () => (
  <Icon>
    <path d="M5.5 11.5C3.3 10.8 2 9.4 2 7.8 2 5.2 4.7 3 8 3s6 2.2 6 4.8-2.7 4.7-6 4.7c-.9 0-1.7-.1-2.5-.4" />
    <path d="M5.5 11.5c-.3 1.3.2 2.3 1.3 2.5" />
  </Icon>
);

/** The selection tool: an arrow pointer in the corners of a box. */
export const SelectIcon = () => (
  <Icon>
    <path d="M2.5 5V2.5H5M11 2.5h2.5V5M2.5 11v2.5H5" />
    <path d="m6 6 7 2.6-3 1.1L8.9 13z" fill="currentColor" strokeWidth={1} />
  </Icon>
);
