import { beforeEach, describe, expect, it } from 'vitest';
import { anyGuideOn, useGuidesStore } from '../../renderer/src/editor/view/guides-store';
import { useEditorViewStore } from '../../renderer/src/editor/view/view-store';

const guides = useGuidesStore.getState;
const view = useEditorViewStore.getState;

describe('editor guides and view stores', () => {
  beforeEach(() => {
    guides().clear();
    view().fit();
  });

  it('toggles guides; one- and two-point perspective are one choice', () => {
    expect(anyGuideOn(guides().on)).toBe(false);
    guides().toggle('thirds');
    guides().toggle('one-point');
    expect(guides().on).toMatchObject({ thirds: true, 'one-point': true, 'two-point': false });
    guides().toggle('two-point');
    expect(guides().on).toMatchObject({ thirds: true, 'one-point': false, 'two-point': true });
    guides().clear();
    expect(anyGuideOn(guides().on)).toBe(false);
  });

  it('keeps perspective handles inside the frame', () => {
    guides().setOnePoint({ x: 1.4, y: -0.2 });
    expect(guides().onePoint).toEqual({ x: 1, y: 0 });
    guides().setHorizon(0.6);
    expect(guides().twoPoint.map((p) => p.y)).toEqual([0.6, 0.6]);
    expect(guides().twoPoint[0].x).toBeLessThan(0); // the vanishing points stay beyond the edges
  });

  it('Fit puts the view back: zoom 1, centred, straight, unflipped', () => {
    view().zoomAround(40, 10, 3);
    view().rotateTo(33);
    view().flip();
    expect(view().view).not.toMatchObject({ zoom: 1 });
    view().fit();
    expect(view().view).toEqual({ zoom: 1, panX: 0, panY: 0, rotation: 0, flipped: false });
  });
});
