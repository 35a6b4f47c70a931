import { useEffect } from 'react';
import type { Timeline } from '../../../shared/domain/animatic';
import { useBoardStore } from '../state/board-store';
import { CameraMoveEditor } from './CameraMoveEditor';
import { ClipBar } from './ClipBar';
import { ExportDialog } from './ExportDialog';
import { linkBoardAndPlayhead } from './playback';
import { Player } from './Player';
import { loadTimeline } from './timeline-actions';
import { afterBoardShown, useBoardShown } from '../board/board-shown';
import { useTimelineStore } from './timeline-store';
import { TimelineTracks } from './TimelineTracks';
import { shownHeight, TimelineSplitter } from './TimelineSplitter';
import { TrackHeads } from './TrackHeads';
import { Transport } from './Transport';
import { useTimelineKeys } from './useTimelineKeys';
import './timeline.css';
import './timeline-tracks.css';
import './timeline-audio.css';
import './timeline-dialogs.css';

/** The animatic under the board: player, transport, panels as clips, soundtrack lanes. Collapsible. */
export function TimelinePanel() {
  const version = useBoardStore((s) => s.version);
  const hasBoard = useBoardStore((s) => s.board !== null);
  const timeline = useTimelineStore((s) => s.timeline);
  const collapsed = useTimelineStore((s) => s.collapsed);
  const height = useTimelineStore(shownHeight);
  const set = useTimelineStore((s) => s.set);
  // The board goes on screen first; the player and tracks follow a moment later.
  const shown = useBoardShown();
  useTimelineKeys();

  // The core's model is the one truth: re-read it whenever the board changes (edits, undo, redo).
  useEffect(() => {
    if (!hasBoard) return void useTimelineStore.getState().setTimeline(null);
    let live = true;
    void afterBoardShown().then(() => (live ? loadTimeline() : undefined));
    return () => {
      live = false;
    };
  }, [version, hasBoard]);
  useEffect(() => linkBoardAndPlayhead(), []);

  return (
    <section className={`timeline${collapsed ? ' is-collapsed' : ''}`} data-testid="timeline">
      {!collapsed && <TimelineSplitter />}
      <div className="tl-bar">
        <button
          className="tl-collapse"
          aria-expanded={!collapsed}
          data-testid="timeline-toggle"
          title={collapsed ? 'Show the timeline' : 'Hide the timeline'}
          onClick={() => set({ collapsed: !collapsed })}
        >
          <span className="tl-caret">{collapsed ? '▸' : '▾'}</span> Timeline
        </button>
        {shown && <Transport timeline={timeline} />}
      </div>
      {!collapsed && (
        <div className="tl-body" style={{ height }}>
          {shown && <TimelineBody timeline={timeline} />}
        </div>
      )}
      {timeline && <CameraMoveEditor timeline={timeline} />}
      <ExportDialog />
    </section>
  );
}

/** The player beside the clip bar, the track heads and the tracks. */
function TimelineBody({ timeline }: { timeline: Timeline | null }) {
  const empty = !timeline || timeline.segments.length === 0;
  return (
    <>
      {!empty && <Player />}
      <div className="tl-edit">
        {timeline && !empty && <ClipBar timeline={timeline} />}
        {empty ? (
          <div className="tl-empty">Add panels to the board: each becomes a clip here, as long as its duration.</div>
        ) : (
          <div className="tl-area">
            <TrackHeads timeline={timeline} />
            <TimelineTracks timeline={timeline} />
          </div>
        )}
      </div>
    </>
  );
}
