import { Icon } from '../../components/Icons';

export const FlipIcon = () => (
  <Icon>
    <path d="M8 2v12M6 4 2.5 12H6zM10 4l3.5 8H10z" />
  </Icon>
);

export const RotateIcon = () => (
  <Icon>
    <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v2.5h-2.5" />
  </Icon>
);

export const GuidesIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <path d="M6 3v10M10 3v10M2 6.3h12M2 9.7h12" strokeWidth={1} />
  </Icon>
);

export const ChevronDownIcon = () => (
  <svg width={10} height={10} viewBox="0 0 10 10" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
    <path d="m2.5 4 2.5 2.5L7.5 4" />
  </svg>
);
