import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { FolderIcon } from '../components/Icons';
import { Logo } from '../components/Logo';
import { PathText } from '../components/PathText';
import { DEFAULT_NEW_PROJECT, NewProjectFields } from '../components/NewProjectFields';
import { MenuBar } from '../menu/MenuBar';
import { runMenuCommand } from '../menu/commands';
import { actions } from '../state/actions';
import { useSessionStore } from '../state/session-store';
import { relativeTime } from '../util/relative-time';

/** Shown when no project is open: create one, or reopen a recent one. */
export function StartScreen() {
  const [values, setValues] = useState(DEFAULT_NEW_PROJECT);
  const appInfo = useSessionStore((s) => s.appInfo);
  const recent = useSessionStore((s) => s.recent);
  const busy = useSessionStore((s) => s.pending > 0);
  const title = values.title.trim();

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (title) void actions.newProject(title, values.aspectRatio, values.fps);
  };

  return (
    <div className="start" data-testid="start-screen">
      <header className="topbar">
        <div className="topbar-left">
          <Logo />
          {api.shell === 'web' && <MenuBar />}
        </div>
        <span className="topbar-version">{appInfo ? `Boardwright ${appInfo.version}` : ''}</span>
      </header>
      <main className="start-main">
        <div className="start-hero">
          <Logo size={40} />
          <div>
            <h1>Boardwright</h1>
            <p>Plan every shot. Storyboards that stay on your machine.</p>
          </div>
        </div>
        <div className="start-columns">
          <section className="card">
            <h2 className="card-title">New project</h2>
            <form onSubmit={create} className="start-form">
              <NewProjectFields values={values} onChange={setValues} />
              <div className="start-form-footer">
                <span className="hint">{appInfo?.shell === 'web' && appInfo.projectsDir ? `Saved in ${appInfo.projectsDir}` : 'You choose where to save it.'}</span>
                <button type="submit" className="button button-primary" data-testid="new-create" disabled={!title || busy}>
                  Create project
                </button>
              </div>
            </form>
          </section>
          <section className="card card-recent">
            <div className="card-title-row">
              <h2 className="card-title">Recent projects</h2>
              <button type="button" className="button button-small" data-testid="open-button" onClick={() => runMenuCommand({ kind: 'open' })}>
                <FolderIcon />
                Open…
              </button>
            </div>
            {recent.length === 0 ? (
              <p className="empty-note" data-testid="recent-empty">
                No recent projects yet. Projects you create or open appear here.
              </p>
            ) : (
              <ul className="recent-list" data-testid="recent-list">
                {recent.map((r) => (
                  <li key={r.path}>
                    <button type="button" className="recent-item" data-testid="recent-item" data-path={r.path} title={r.path} onClick={() => void actions.openProject(r.path)}>
                      <span className="recent-title">{r.title}</span>
                      <span className="recent-time">{relativeTime(r.openedAt)}</span>
                      <PathText className="recent-path" path={r.path} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </main>
    </div>
  );
}
