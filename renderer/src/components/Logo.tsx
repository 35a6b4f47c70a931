/** The Boardwright mark: three storyboard frames, the middle one lit. */
export function Logo({ size = 20 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 20 20" aria-hidden focusable="false">
      <rect x="1" y="4" width="5" height="12" rx="1.2" fill="#3a3f49" />
      <rect x="7.5" y="2" width="5" height="16" rx="1.2" fill="#f0a23b" />
      <rect x="14" y="4" width="5" height="12" rx="1.2" fill="#3a3f49" />
    </svg>
  );
}
