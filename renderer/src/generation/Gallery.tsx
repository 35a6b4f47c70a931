import type { Panel } from '../../../shared/domain/board';
import type { Variation } from '../../../shared/domain/generation';
import { providerWords } from './provider-words';
import { aspectValue } from '../../../shared/domain/project';
import { useBoardStore } from '../state/board-store';
import { useGenStore } from './gen-store';
import { money, seconds } from './format';
import { playClipOnHover } from '../motion/ClipVideo';
import { ClipBadge, VariationPicture } from '../motion/VariationPicture';
import { clipSeconds } from '../motion/clip-urls';

export function variationLabel(v: Variation): string {
  const who = providerWords(v.provider, !!v.clip);
  return [who, v.model, v.seed !== null ? `seed ${v.seed}` : null].filter(Boolean).join(' · ');
}

/** "1280×720 · made in 6.2 s · $0.04"; a clip first says its own length and rate (its making time is not its length). */
export function variationFacts(v: Variation): string {
  const made = seconds(v.elapsedMs);
  const clip = v.clip ? [`clip ${clipSeconds(v.clip.durationMs)}`, `${Math.round((100 * v.clip.fpsNum) / v.clip.fpsDen) / 100} fps`] : [];
  return [...clip, `${v.width}×${v.height}`, made && `made in ${made}`, money(v.costUsd)].filter(Boolean).join(' · ');
}

/** The panel's variations, newest first: tick 2–4 to compare side by side, or pick one for the panel. */
export function Gallery({ panel }: { panel: Panel }) {
  const variations = useGenStore((s) => s.variations[panel.id]) ?? [];
  const compare = useGenStore((s) => s.compare);
  const aspect = useAspect();
  if (variations.length === 0) {
    return <p className="hint gen-gallery-empty">No variations yet. Generate a few, compare them, and pick one for the panel.</p>;
  }
  const ticked = compare.filter((id) => variations.some((v) => v.id === id));
  const toggle = (id: string) =>
    useGenStore.setState({ compare: ticked.includes(id) ? ticked.filter((x) => x !== id) : [...ticked, id].slice(-4) });
  return (
    <div className="gen-section">
      <div className="gen-row">
        <span className="field-label">Variations ({variations.length})</span>
        <span className="gen-spacer" />
        <button
          type="button"
          className="button button-small"
          data-testid="gen-compare"
          disabled={ticked.length < 2}
          title="Tick 2 to 4 variations to see them side by side"
          onClick={() => useGenStore.setState({ dialog: { kind: 'compare' }, compare: ticked })}
        >
          Compare{ticked.length ? ` (${ticked.length})` : ''}
        </button>
      </div>
      <div className="gen-gallery" data-testid="gen-gallery">
        {variations.map((v) => (
          <figure
            key={v.id}
            className={`gen-variation${v.current ? ' is-current' : ''}${ticked.includes(v.id) ? ' is-ticked' : ''}`}
            data-testid="gen-variation"
            data-variation-id={v.id}
            data-current={v.current}
            data-clip={v.clip ? 'true' : undefined}
          >
            <button
              type="button"
              className="gen-thumb"
              style={{ aspectRatio: aspect }}
              title={`${variationLabel(v)}\n${variationFacts(v)}`}
              onClick={() => toggle(v.id)}
              {...(v.clip ? playClipOnHover : {})}
            >
              <VariationPicture v={v} size="thumb" label={variationLabel(v)} />
              <ClipBadge v={v} />
              <span className="gen-tick" aria-hidden>
                {ticked.includes(v.id) ? '✓' : ''}
              </span>
              {v.current && <span className="gen-badge">In panel</span>}
            </button>
            <figcaption>
              <span className="gen-caption" title={variationFacts(v)}>
                {v.seed !== null ? `#${v.seed}` : variationLabel(v)}
              </span>
              <button
                type="button"
                className="button button-small"
                data-testid="gen-pick"
                disabled={v.current}
                onClick={() => useGenStore.setState({ dialog: { kind: 'pick', variationId: v.id } })}
              >
                {v.current ? 'Picked' : 'Pick'}
              </button>
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}

/** The project's frame as a CSS aspect-ratio, so thumbnails sit in the board's frame shape. */
export function useAspect(): string {
  const aspect = useBoardStore((s) => s.board?.project.aspectRatio ?? '16:9');
  return String(aspectValue(aspect));
}
