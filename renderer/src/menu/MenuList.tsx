import { useState } from 'react';
import type { AppCommand } from './commands';
import type { MenuItem } from './menu-item';
import { PathText } from '../components/PathText';

interface Props {
  items: MenuItem[];
  onCommand(command: AppCommand): void;
  className?: string;
}

/** A dropdown (or submenu) of menu items. */
export function MenuList({ items, onCommand, className = 'menu-list' }: Props) {
  const [openSub, setOpenSub] = useState<string | null>(null);
  return (
    <div className={className} role="menu">
      {items.map((item, i) => {
        if (item.type === 'separator') return <div key={`sep-${i}`} className="menu-separator" role="separator" />;
        if (item.type === 'submenu') {
          const open = openSub === item.id;
          return (
            <div key={item.id} className="menu-sub" onMouseEnter={() => setOpenSub(item.id)} onMouseLeave={() => setOpenSub(null)}>
              <button
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={open}
                className={`menu-item${open ? ' is-open' : ''}`}
                data-testid={`menu-item-${item.id}`}
                disabled={item.disabled}
                onClick={() => setOpenSub(open ? null : item.id)}
              >
                <span className="menu-label">{item.label}</span>
                <span className="menu-chevron" aria-hidden>›</span>
              </button>
              {open && <MenuList items={item.items} onCommand={onCommand} className="menu-list menu-list-sub" />}
            </div>
          );
        }
        return (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            className={`menu-item${item.detail ? ' menu-item-detailed' : ''}`}
            data-testid={`menu-item-${item.id}`}
            disabled={item.disabled}
            title={item.title}
            onMouseEnter={() => setOpenSub(null)}
            onClick={() => onCommand(item.command)}
          >
            {item.detail ? (
              <span className="menu-label">
                {item.label}
                <PathText className="menu-detail" path={item.detail} testId={`menu-detail-${item.id}`} />
              </span>
            ) : (
              <span className="menu-label">{item.label}</span>
            )}
            {item.shortcut && <span className="menu-shortcut">{item.shortcut}</span>}
          </button>
        );
      })}
    </div>
  );
}
