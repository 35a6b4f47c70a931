import { useEffect, useState } from 'react';
import type { Character, StyleBible, StyleState } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { CommitTextArea } from '../components/InspectorFields';
import { run } from '../state/run';
import { WideDialog } from './WideDialog';

const LINES: { key: keyof StyleBible; label: string; placeholder: string }[] = [
  { key: 'medium', label: 'Medium', placeholder: 'pencil storyboard sketch' },
  { key: 'tone', label: 'Tone', placeholder: 'tense, quiet' },
  { key: 'palette', label: 'Palette', placeholder: 'sodium orange and teal' },
  { key: 'era', label: 'Era', placeholder: '1970s' },
];
const TEXTS: { key: keyof StyleBible; label: string; placeholder: string }[] = [
  { key: 'notes', label: 'Always say', placeholder: 'e.g. rough lines, no text in frame' },
  { key: 'negative', label: 'Leave out', placeholder: 'text, watermark (for providers with a negative prompt)' },
];

/** A one-line text field that saves when it loses focus or on Enter. */
function LineField({ label, testId, value, placeholder, onCommit }: { label: string; testId: string; value: string; placeholder: string; onCommit(v: string): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="input"
        data-testid={testId}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && onCommit(draft)}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
}

async function pickImage(): Promise<{ fileName: string; uploadId: string } | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/*';
  const file = await new Promise<File | null>((resolve) => {
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
  return file ? { fileName: file.name, uploadId: await api.upload('image', file) } : null;
}

/** The project's style bible and characters: what every prompt says, and who looks like what. */
export function BibleDialog({ onClose }: { onClose(): void }) {
  const [style, setStyle] = useState<StyleState | null>(null);
  const [characters, setCharacters] = useState<Character[]>([]);
  const reload = async () => {
    const [s, c] = await Promise.all([api.call('style.get', {}), api.call('characters.list', {})]);
    setStyle(s);
    setCharacters(c);
  };
  useEffect(() => void run('Could not read the style bible', reload), []);
  const act = (failure: string, task: () => Promise<unknown>) => void run(failure, async () => (await task(), await reload()));

  return (
    <WideDialog title="Characters & style bible" testId="bible-dialog" onClose={onClose} width={1000}>
      <div className="bible-columns">
        <section className="bible-style">
          <h3 className="bible-heading">Style bible</h3>
          {style && (
            <div className="field-grid">
              <div className="field-grid two">
                {LINES.map((f) => (
                  <LineField key={f.key} label={f.label} testId={`bible-${f.key}`} value={style.bible[f.key]} placeholder={f.placeholder} onCommit={(v) => act('Could not change the style bible', () => api.call('style.update', { [f.key]: v }))} />
                ))}
              </div>
              {TEXTS.map((f) => (
                <CommitTextArea key={f.key} label={f.label} testId={`bible-${f.key}`} value={style.bible[f.key]} placeholder={f.placeholder} onCommit={(v) => act('Could not change the style bible', () => api.call('style.update', { [f.key]: v }))} />
              ))}
            </div>
          )}
          <h3 className="bible-heading">Style references</h3>
          <div className="bible-refs">
            {style?.references.map((r) => (
              <figure key={r.id} className="bible-ref">
                <img src={`/media/thumb/${r.imageSha256}`} alt={r.note || 'Style reference'} />
                <input className="input" value={r.note} placeholder="What to take from it" onChange={(e) => setStyle({ ...style, references: style.references.map((x) => (x.id === r.id ? { ...x, note: e.target.value } : x)) })} onBlur={(e) => act('Could not change the note', () => api.call('style.updateReference', { id: r.id, note: e.target.value }))} />
                <button type="button" className="button button-small" onClick={() => act('Could not remove the reference', () => api.call('style.removeReference', { id: r.id }))}>
                  Remove
                </button>
              </figure>
            ))}
            <button type="button" className="bible-add" data-testid="bible-add-reference" onClick={() => act('Could not add the reference', async () => { const img = await pickImage(); if (img) await api.call('style.addReference', img); })}>
              + Reference image
            </button>
          </div>
        </section>
        <section className="bible-characters">
          <h3 className="bible-heading">Characters</h3>
          {characters.map((c) => (
            <CharacterCard key={c.id} character={c} act={act} />
          ))}
          <NewCharacter act={act} />
        </section>
      </div>
    </WideDialog>
  );
}

type Act = (failure: string, task: () => Promise<unknown>) => void;

function CharacterCard({ character: c, act }: { character: Character; act: Act }) {
  const [name, setName] = useState(c.name);
  useEffect(() => setName(c.name), [c.name]);
  return (
    <div className="bible-character" data-testid="bible-character">
      <div className="gen-row">
        <input className="input bible-name" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => name.trim() !== c.name && act('Could not rename', () => api.call('characters.update', { id: c.id, patch: { name } }))} />
        <span className="hint">{c.panelCount ? `in ${c.panelCount} shot${c.panelCount === 1 ? '' : 's'}` : 'in no shot yet'}</span>
        <button type="button" className="button button-small" onClick={() => act('Could not delete the character', () => api.call('characters.delete', { id: c.id }))}>
          Delete
        </button>
      </div>
      <CommitTextArea label="Looks like" testId="bible-character-description" value={c.description} placeholder="age, build, clothes, hair: what makes them the same in every panel" onCommit={(description) => act('Could not change the description', () => api.call('characters.update', { id: c.id, patch: { description } }))} />
      <div className="bible-refs small">
        {c.images.map((img) => (
          <figure key={img.id} className="bible-ref">
            <img src={`/media/thumb/${img.sha256}`} alt={c.name} />
            <button type="button" className="button button-small" onClick={() => act('Could not remove the image', () => api.call('characters.removeImage', { imageId: img.id }))}>
              Remove
            </button>
          </figure>
        ))}
        <button type="button" className="bible-add" onClick={() => act('Could not add the image', async () => { const img = await pickImage(); if (img) await api.call('characters.addImage', { characterId: c.id, ...img }); })}>
          + Image
        </button>
      </div>
    </div>
  );
}

function NewCharacter({ act }: { act: Act }) {
  const [name, setName] = useState('');
  const add = () => {
    if (!name.trim()) return;
    act('Could not add the character', () => api.call('characters.create', { name }));
    setName('');
  };
  return (
    <form className="gen-row bible-new" onSubmit={(e) => (e.preventDefault(), add())}>
      <input className="input" data-testid="bible-new-name" value={name} placeholder="New character's name, e.g. MARA" onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button" data-testid="bible-new-add" disabled={!name.trim()}>
        Add
      </button>
    </form>
  );
}
