import { useEffect, useState } from 'react';
import type { Character } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { refresh, run } from '../state/run';
import { useBoardStore } from '../state/board-store';
import { genActions } from './gen-actions';
import { useGenStore } from './gen-store';

/** Who is in the shot: the project's characters as toggles. Each change is an undoable edit. */
export function CastPicker({ panelId }: { panelId: string }) {
  const version = useBoardStore((s) => s.version);
  const [characters, setCharacters] = useState<Character[] | null>(null);
  const [cast, setCast] = useState<string[]>([]);
  const dialog = useGenStore((s) => s.dialog);
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('characters.list', {}), api.call('characters.cast', { panelId })])
      .then(([list, ids]) => {
        if (!live) return;
        setCharacters(list);
        setCast(ids);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [panelId, version, dialog]);

  const toggle = (id: string) =>
    void run('Could not change who is in the shot', async () => {
      const next = cast.includes(id) ? cast.filter((c) => c !== id) : [...cast, id];
      setCast(await api.call('characters.setCast', { panelId, characterIds: next }));
      await refresh();
      await genActions.refreshComposed(panelId);
    });

  if (!characters) return null;
  return (
    <div className="gen-section">
      <span className="field-label">In the shot</span>
      <div className="gen-cast" data-testid="gen-cast">
        {characters.map((c) => (
          <button key={c.id} type="button" className={`chip-toggle${cast.includes(c.id) ? ' is-on' : ''}`} aria-pressed={cast.includes(c.id)} title={c.description || c.name} onClick={() => toggle(c.id)}>
            {c.images[0] && <img src={`/media/thumb/${c.images[0].sha256}`} alt="" />}
            {c.name}
          </button>
        ))}
        <button type="button" className="chip-toggle chip-add" data-testid="gen-edit-characters" onClick={() => useGenStore.setState({ dialog: { kind: 'bible' } })}>
          {characters.length ? 'Edit…' : '+ Add characters'}
        </button>
      </div>
    </div>
  );
}
