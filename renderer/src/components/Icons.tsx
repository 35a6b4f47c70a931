import type { ReactNode } from 'react';

/** The frame every icon is drawn in: 16 px, 1.5 px round strokes in the current colour. */
export function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5 2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m10.5 3.5 3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);

export const SceneIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <path d="M2 6.5h12M5 3l1.5 3.5M9 3l1.5 3.5" />
  </Icon>
);

export const PanelIcon = () => (
  <Icon>
    <rect x="2" y="3.5" width="12" height="9" rx="1.5" />
    <path d="M8 6v4M6 8h4" />
  </Icon>
);

export const ImageIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <circle cx="10.5" cy="6" r="1" />
    <path d="m2.5 12 3.5-4 3 3 1.5-1.5 3 2.5" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon size={14}>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 5v3.5M8 11v.01" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="m5.5 8 1.8 1.8L10.5 6.5" />
  </Icon>
);

export const FolderIcon = () => (
  <Icon>
    <path d="M2 4.5A1.5 1.5 0 0 1 3.5 3h2.8l1.5 1.5h4.7A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z" />
  </Icon>
);

export const PenIcon = () => (
  <Icon>
    <path d="M11.5 2.5 13.5 4.5 6 12l-3 1 1-3z" />
    <path d="m10 4 2 2" />
  </Icon>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M12 2.5 13.5 4 5.5 12 2.5 13.5 4 10.5z" />
    <path d="M4 10.5 5.5 12" />
    <path d="m10.5 4 1.5 1.5" />
  </Icon>
);

export const BrushIcon = () => (
  <Icon>
    <path d="M13.5 2.5 8 8" />
    <path d="M7.5 8.5c-2 0-3 1.2-3 3 0 1-.7 1.7-2 2 3 .7 5.5-.3 5.9-2.6.2-1.1-.1-1.9-.9-2.4z" />
  </Icon>
);

export const EraserIcon = () => (
  <Icon>
    <path d="m6 13.5-3-3a1 1 0 0 1 0-1.4L9.1 3a1 1 0 0 1 1.4 0l3 3a1 1 0 0 1 0 1.4L7.4 13.5z" />
    <path d="M6 13.5h7.5M5.5 6.5l4.5 4.5" />
  </Icon>
);

export const OnionIcon = () => (
  <Icon>
    <rect x="2" y="2.5" width="8.5" height="7" rx="1" strokeDasharray="2 1.6" />
    <rect x="5.5" y="6.5" width="8.5" height="7" rx="1" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.6a1 1 0 0 0 1 .9h3.6a1 1 0 0 0 1-.9l.7-8.6" />
  </Icon>
);

export const ChevronLeftIcon = () => (
  <Icon>
    <path d="m10 3.5-4.5 4.5 4.5 4.5" />
  </Icon>
);

export const ChevronRightIcon = () => (
  <Icon>
    <path d="m6 3.5 4.5 4.5-4.5 4.5" />
  </Icon>
);

export const DuplicateIcon = () => (
  <Icon>
    <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
    <path d="M11 5V3.5A1 1 0 0 0 10 2.5H3.5a1 1 0 0 0-1 1V10a1 1 0 0 0 1 1H5" />
  </Icon>
);

export const SplitIcon = () => (
  <Icon>
    <rect x="2" y="4" width="4.5" height="8" rx="1" />
    <rect x="9.5" y="4" width="4.5" height="8" rx="1" />
    <path d="M8 2.5v11" strokeDasharray="1.5 1.5" />
  </Icon>
);

export const MergeIcon = () => (
  <Icon>
    <rect x="2" y="4" width="12" height="8" rx="1.5" />
    <path d="m5 8 2-1.5v3zM11 8 9 6.5v3z" />
  </Icon>
);

export const RenumberIcon = () => (
  <Icon>
    <path d="M3 4h1.5v5M3 9h3" />
    <path d="M8.5 5.5h4.5M8.5 8.5h4.5M8.5 11.5h3" />
  </Icon>
);

export const ZoomInIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3M5 7h4M7 5v4" />
  </Icon>
);

export const ZoomOutIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3M5 7h4" />
  </Icon>
);

export const FitIcon = () => (
  <Icon>
    <path d="M2.5 6V3.5a1 1 0 0 1 1-1H6M10 2.5h2.5a1 1 0 0 1 1 1V6M13.5 10v2.5a1 1 0 0 1-1 1H10M6 13.5H3.5a1 1 0 0 1-1-1V10" />
  </Icon>
);

export const GridSmallIcon = () => (
  <Icon size={14}>
    <rect x="2.5" y="2.5" width="4.5" height="4.5" rx="0.8" />
    <rect x="9" y="2.5" width="4.5" height="4.5" rx="0.8" />
    <rect x="2.5" y="9" width="4.5" height="4.5" rx="0.8" />
    <rect x="9" y="9" width="4.5" height="4.5" rx="0.8" />
  </Icon>
);

export const GridLargeIcon = () => (
  <Icon size={14}>
    <rect x="2.5" y="3.5" width="11" height="9" rx="1.2" />
  </Icon>
);

/** The timeline's "to start": a bar and a triangle pointing at it (drawn, so no font needs a ⏮ glyph). */
export const ToStartIcon = () => (
  <Icon size={14}>
    <path d="M4 3.5v9" />
    <path d="M12 3.5 6 8l6 4.5z" fill="currentColor" />
  </Icon>
);

export const ToEndIcon = () => (
  <Icon size={14}>
    <path d="M12 3.5v9" />
    <path d="M4 3.5 10 8l-6 4.5z" fill="currentColor" />
  </Icon>
);

/** A strip of film: a panel that plays a motion clip. */
export const FilmStripIcon = ({ size = 12 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="2.5" y="2" width="11" height="12" rx="1" />
    <path d="M5 2v12M11 2v12M2.5 5.5H5M2.5 10.5H5M11 5.5h2.5M11 10.5h2.5" />
  </Icon>
);
