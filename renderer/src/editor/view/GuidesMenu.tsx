import { anyGuideOn, useGuidesStore, type GuideId } from './guides-store';
import { ToolbarPopover } from './ToolbarPopover';
import { GuidesIcon } from './view-icons';

const GROUPS: { title: string; items: { id: GuideId; label: string; key?: string }[] }[] = [
  {
    title: 'Composition',
    items: [
      { id: 'thirds', label: 'Rule of thirds', key: 'G' },
      { id: 'centre', label: 'Centre cross' },
      { id: 'diagonals', label: 'Diagonals' },
    ],
  },
  {
    title: 'Safe frames',
    items: [
      { id: 'safe-2.39', label: '2.39:1' },
      { id: 'safe-1.85', label: '1.85:1' },
      { id: 'safe-16:9', label: '16:9' },
      { id: 'action-safe', label: 'Action safe 90%' },
      { id: 'title-safe', label: 'Title safe 80%' },
    ],
  },
  {
    title: 'Perspective',
    items: [
      { id: 'one-point', label: 'One-point' },
      { id: 'two-point', label: 'Two-point' },
    ],
  },
];

/** The Guides button of the editor toolbar and its checklist of guides. */
export function GuidesMenu() {
  const { on, toggle, clear } = useGuidesStore();
  return (
    <ToolbarPopover
      on={anyGuideOn(on)}
      title="Composition guides (G: rule of thirds)"
      testId="guides-menu"
      label={
        <>
          <GuidesIcon />
          <span className="tool-button-label">Guides</span>
        </>
      }
    >
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="popover-group">
          <legend>{g.title}</legend>
          {g.items.map((item) => (
            <label key={item.id} className="popover-check">
              <input type="checkbox" checked={on[item.id]} data-testid={`guide-${item.id}`} onChange={() => toggle(item.id)} />
              <span>{item.label}</span>
              {item.key && <span className="kbd">{item.key}</span>}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" className="button button-small popover-clear" disabled={!anyGuideOn(on)} onClick={clear}>
        Hide all guides
      </button>
    </ToolbarPopover>
  );
}
