/** Colours and type of the board canvas (kept in step with the CSS variables in styles/base.css). */
export const UI_FONT = 'Inter, "SF Pro Text", "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif';

export const canvasTheme = {
  background: '#16181c',
  card: '#1f2228',
  cardBorder: '#2c3038',
  cardHover: '#434955',
  accent: '#4a8cff',
  accentGlow: 'rgba(74, 140, 255, 0.28)',
  letterbox: '#0b0c0e',
  placeholder: '#24272d',
  placeholderInk: '#4a505b',
  text: '#e6e8eb',
  muted: '#9aa1ab',
  faint: '#6b717c',
  badge: '#2c3139',
  badgeText: '#c7ccd4',
  divider: '#262a31',
  sceneNumber: '#2a2e36',
  scrollbar: 'rgba(255, 255, 255, 0.16)',
  scrollbarActive: 'rgba(255, 255, 255, 0.3)',
  headerSelected: 'rgba(74, 140, 255, 0.12)',
  dropBar: '#6aa2ff',
  marqueeFill: 'rgba(74, 140, 255, 0.1)',
  marqueeStroke: 'rgba(106, 162, 255, 0.8)',
  note: '#f0c05a',
  ghostShadow: 'rgba(0, 0, 0, 0.55)',
} as const;

/** Review status colours: draft is quiet, review asks for attention, approved is done. */
export const STATUS_COLORS = {
  draft: '#5b616c',
  review: '#f0a23b',
  approved: '#4cc38a',
} as const;
