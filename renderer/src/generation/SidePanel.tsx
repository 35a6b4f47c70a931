import { useEffect, type ReactNode } from 'react';
import { api } from '../api/client';
import { useBoardShown } from '../board/board-shown';
import { handleGenerationEvent } from './gen-actions';
import { handleMotionEvent } from '../motion/motion-actions';
import '../motion/motion.css';
import { useGenStore, type SideTab } from './gen-store';
import { refreshSoon } from '../state/refresh-soon';
import { CLIENT_ID } from '../api/transport';
import { GenerationDialogs } from './GenerationDialogs';
import { lazyModule, useLazyModule } from '../util/lazy-module';
import { errorMessage } from '../api/errors';
import { notice } from '../state/attempt';
import './gen-panel.css';
import './gen-gallery.css';
import './gen-dialogs.css';
import './gen-settings.css';
import './decision-log.css';

// Loaded when their tab is first opened: opening a project shows the inspector, not these.
const TAB_BODIES = {
  generate: lazyModule(() => import('./GeneratePanel').then((m) => m.GeneratePanel)),
  log: lazyModule(() => import('./DecisionLogPanel').then((m) => m.DecisionLogPanel)),
  script: lazyModule(() => import('../script/ScriptPane').then((m) => m.ScriptPane)),
  insights: lazyModule(() => import('../insights/InsightsPane').then((m) => m.InsightsPane)),
};

const TABS: { id: SideTab; label: string }[] = [
  { id: 'shot', label: 'Shot' },
  { id: 'generate', label: 'Generate' },
  { id: 'log', label: 'Decisions' },
  { id: 'script', label: 'Script' },
  { id: 'insights', label: 'Insights' },
];

function TabBody({ tab }: { tab: keyof typeof TAB_BODIES }) {
  const Body = useLazyModule(TAB_BODIES[tab], true, (e) => {
    notice('error', 'That tab could not open', `Its code did not load (${errorMessage(e)}). Try again.`);
    useGenStore.setState({ tab: 'shot' });
  });
  return Body ? <Body /> : null;
}

/**
 * The right-hand column: the shot inspector, the Generate panel and the decision log as tabs.
 * Generation and motion events are listened to here for as long as the board is open.
 */
export function SidePanel({ inspector }: { inspector: ReactNode }) {
  const tab = useGenStore((s) => s.tab);
  // The board goes on screen first; the panel's contents follow a moment later.
  const shown = useBoardShown();
  useEffect(() => api.onEvent(handleGenerationEvent), []);
  useEffect(() => api.onEvent(handleMotionEvent), []);
  // The core changed the document on its own (a job put a picture in): read the board again.
  useEffect(() => api.onEvent((e) => e.kind === 'board.changed' && e.origin !== CLIENT_ID && void refreshSoon()), []);
  return (
    <div className={`side-panel side-${tab}`} data-testid="side-panel">
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`side-tab${tab === t.id ? ' is-active' : ''}`}
            data-testid={`side-tab-${t.id}`}
            onClick={() => useGenStore.setState({ tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-body">
        {!shown ? null : tab === 'shot' ? inspector : <TabBody tab={tab} />}
      </div>
      <GenerationDialogs />
    </div>
  );
}
