/** Dominant colours as swatches; a click on one selects the panels whose pictures have it. */
export function PaletteStrip({ colours, testId, onPick }: { colours: string[]; testId: string; onPick: (hex: string) => void }) {
  if (colours.length === 0) return <span className="ins-empty">No pictures yet</span>;
  return (
    <div className="ins-palette" data-testid={testId}>
      {colours.map((hex) => (
        <button key={hex} type="button" className="ins-swatch" style={{ background: hex }} title={hex} aria-label={`Panels with ${hex}`} data-hex={hex} onClick={() => onPick(hex)} />
      ))}
    </div>
  );
}
