import type { ReactNode } from 'react';

/** A titled block of the Insights pane. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ins-section">
      <h3 className="ins-section-title">{title}</h3>
      {children}
    </section>
  );
}

/** One headline figure. */
export function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="ins-tile">
      <span className="ins-tile-value">{value}</span>
      <span className="ins-tile-label">{label}</span>
    </div>
  );
}
