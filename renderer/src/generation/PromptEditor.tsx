import { useEffect } from 'react';
import type { ComposedPrompt, PromptSource, ProviderInfo } from '../../../shared/domain/generation';
import { undoLast } from '../state/run';
import { useGenStore } from './gen-store';
import { shortTime } from './format';
import { promptActions } from './prompt-actions';

const SOURCE_WORDS: Record<PromptSource, string> = { sent: 'sent', typed: 'typed', composed: 'recomposed' };

/** The prompt as it will be sent: composed from the shot, then the filmmaker's to edit; with its earlier versions. */
export function PromptEditor({ panelId, composed, provider }: { panelId: string; composed: ComposedPrompt | undefined; provider: ProviderInfo | undefined }) {
  const draft = useGenStore((s) => s.drafts[panelId]);
  const replaced = useGenStore((s) => s.replaced);
  // Leaving the panel ends the editing session as leaving the field does.
  useEffect(() => () => void promptActions.leave(panelId), [panelId]);
  if (!draft || !composed) return <div className="gen-prompt is-loading" />;
  const versions = composed.versions;
  const edited = draft.text !== composed.text;
  return (
    <div className="gen-section">
      <div className="gen-row">
        <span className="field-label">Prompt</span>
        <span className="gen-spacer" />
        {versions.length > 0 && (
          <select
            className="input select gen-versions"
            data-testid="gen-versions"
            value=""
            title="Earlier prompts of this panel: typed, recomposed and sent"
            onChange={(e) => {
              const v = versions.find((x) => x.id === e.target.value);
              if (v) void promptActions.useVersion(panelId, v);
            }}
          >
            <option value="">History ({versions.length})</option>
            {versions.map((v, i) => (
              <option key={v.id} value={v.id}>
                v{versions.length - i} · {shortTime(v.createdAt)} · {SOURCE_WORDS[v.source]} · {v.text.slice(0, 48)}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="button button-small"
          data-testid="gen-recompose"
          disabled={!edited}
          title="Back to the prompt composed from the shot, the style bible and the cast"
          onClick={() => void promptActions.recompose(panelId)}
        >
          Recompose
        </button>
      </div>
      <textarea
        className="input textarea gen-prompt"
        data-testid="gen-prompt"
        rows={6}
        value={draft.text}
        spellCheck
        onChange={(e) => promptActions.type(panelId, { text: e.target.value })}
        onBlur={() => void promptActions.leave(panelId)}
      />
      {replaced?.panelId === panelId && replaced.versionId === draft.parentVersionId && !draft.dirty && (
        <p className="gen-replaced" data-testid="gen-replaced" role="status">
          Replaced your typed prompt with the composed one.{' '}
          <button type="button" className="link-button" data-testid="gen-replaced-undo" onClick={() => void undoLast()}>
            Undo
          </button>
        </p>
      )}
      {provider?.capabilities.negativePrompt && (
        <input
          className="input"
          data-testid="gen-negative"
          placeholder="Leave out (negative prompt)"
          value={draft.negative}
          onChange={(e) => promptActions.type(panelId, { negative: e.target.value })}
          onBlur={() => void promptActions.leave(panelId)}
        />
      )}
      {composed.references.length > 0 && (
        <div className="gen-refs" title={provider?.capabilities.referenceImages ? 'Sent with the prompt' : `${provider?.label ?? 'This provider'} takes no reference images`}>
          {composed.references.map((r) => (
            <img key={r.sha256} src={`/media/thumb/${r.sha256}`} alt={r.label} title={r.label} className={provider?.capabilities.referenceImages ? '' : 'is-unused'} />
          ))}
          <span className="hint">{provider?.capabilities.referenceImages ? `${composed.references.length} reference${composed.references.length === 1 ? '' : 's'} sent` : 'References not used by this provider'}</span>
        </div>
      )}
    </div>
  );
}
