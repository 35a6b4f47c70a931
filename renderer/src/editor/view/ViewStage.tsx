import type { ReactNode, RefObject } from 'react';
import { PAPER } from '../stroke-style';
import { GuidesOverlay } from './GuidesOverlay';
import { frameAt, useViewGestures } from './useViewGestures';
import { cssTransform } from './view-transform';
import { useEditorViewStore } from './view-store';
import { FlipIcon } from './view-icons';

interface Props {
  stageRef: RefObject<HTMLDivElement | null>;
  frameRef: RefObject<HTMLDivElement | null>;
  /** The frame's Fit size (0 before the stage is measured) and aspect. */
  width: number;
  height: number;
  aspect: number;
  /** The frame's layers: picture, light table, sketch. */
  children: ReactNode;
}

/**
 * The editor's stage: the frame at its Fit size, centred, moved by the view transform (zoom, pan,
 * rotation, flip) as a CSS transform, with the composition guides over it and a badge while the
 * view is flipped.
 */
export function ViewStage({ stageRef, frameRef, width, height, aspect, children }: Props) {
  const view = useEditorViewStore((s) => s.view);
  const held = useEditorViewStore((s) => s.held);
  const gestures = useViewGestures(stageRef);
  const toFrame = (x: number, y: number) => frameAt(stageRef.current, width, height, x, y);
  return (
    <div className={`editor-stage${held ? ` is-held is-${held}` : ''}${view.flipped ? ' is-flipped' : ''}`} ref={stageRef} data-testid="editor-stage" {...gestures}>
      {width > 0 && (
        <div className="editor-frame" ref={frameRef} data-testid="editor-frame" style={{ width, height, background: PAPER, transform: cssTransform(view) }}>
          {children}
          <GuidesOverlay width={width} height={height} aspect={aspect} zoom={view.zoom} toFrame={toFrame} />
        </div>
      )}
      {view.flipped && (
        <div className="view-badge" data-testid="flip-badge" role="status">
          <FlipIcon />
          Flipped view — H to restore
        </div>
      )}
    </div>
  );
}
