import { Icon } from '../../components/Icons';

export const EyeIcon = () => (
  <Icon>
    <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8Z" />
    <circle cx="8" cy="8" r="2" />
  </Icon>
);

export const EyeOffIcon = () => (
  <Icon>
    <path d="M2.5 6.2C3.6 4.8 5.5 3.5 8 3.5c4.1 0 6.5 4.5 6.5 4.5s-.6 1.1-1.7 2.2M10.3 12c-.7.3-1.5.5-2.3.5-4.1 0-6.5-4.5-6.5-4.5" />
    <path d="m2.5 2.5 11 11" />
  </Icon>
);

export const LockIcon = () => (
  <Icon>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
);

export const UnlockIcon = () => (
  <Icon>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 4.8-1" />
  </Icon>
);

export const LayerUpIcon = () => (
  <Icon>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Icon>
);

export const LayerDownIcon = () => (
  <Icon>
    <path d="M8 3v10M4 9l4 4 4-4" />
  </Icon>
);

export const MergeDownIcon = () => (
  <Icon>
    <path d="M4 3.5h8M8 5.5v6M5 9l3 3 3-3M3.5 14h9" />
  </Icon>
);

export const ClearLayerIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="11" height="9" rx="1" />
    <path d="m6 6 4 4M10 6l-4 4" />
  </Icon>
);
