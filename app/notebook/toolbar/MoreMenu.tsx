// A phone's More button and the menu it opens, holding every toolbar action after Run all.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { menuFocusAfter, menuFocusOnOpen } from './menuKeys';
import { FocusMoreContext, InMoreMenuContext } from './ToolbarButton';

/** The items arrows move between: a disabled button takes no focus. */
function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
}

function focusFirst(menu: HTMLElement | null, key: string | null): void {
  const list = menuItems(menu);
  const first = menuFocusOnOpen(key, list.length);
  if (first !== null) list[first].focus();
}

/**
 * At desktop widths the actions stay in the bar as they are (the wrapper takes no box); on a phone
 * they fold into a menu. The actions stay mounted either way: their dialogs live among them.
 */
export function MoreMenu({ compact, children }: { compact: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [wasCompact, setWasCompact] = useState(compact);
  if (wasCompact !== compact) {
    // Leaving or entering the phone's layout: nothing stays folded open.
    setWasCompact(compact);
    setOpen(false);
  }
  const shown = open && compact;
  // The key that opened the menu picks the first item to focus (null: a click or a tap).
  const openedBy = useRef<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const focusMore = useCallback(() => button.current?.focus({ preventScroll: true }), []);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!shown) return;
    focusFirst(menu.current, openedBy.current);
    // A tap or click anywhere else closes the menu and goes where it was aimed.
    const onPointerDown = (e: PointerEvent): void => {
      const target = e.target instanceof Node ? e.target : null;
      if (target && (menu.current?.contains(target) || button.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [shown]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'Escape' && shown) {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openedBy.current = e.key;
      if (shown) focusFirst(menu.current, e.key);
      else setOpen(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed in a dialog that an action opened (its DOM lives here too) are the dialog's.
    if (!shown || !(e.target instanceof Element) || !e.target.matches('[role="menuitem"]')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === 'Tab') {
      // The focus goes on from the More button, past the folded items.
      close(true);
      return;
    }
    const list = menuItems(menu.current);
    const next = menuFocusAfter(e.key, list.indexOf(e.target as HTMLElement), list.length);
    if (next === null) return;
    e.preventDefault();
    list[next].focus();
  };

  const onMenuClick = (e: MouseEvent<HTMLDivElement>): void => {
    // An item did its work (its handler ran first); a dialog it opened gives the focus back to More.
    if (shown && e.target instanceof Element && e.target.closest('[role="menuitem"]')) close(true);
  };

  return (
    <>
      {compact && (
        <button
          type="button"
          className="btn toolbar-more-button"
          ref={button}
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={shown}
          aria-controls={menuId}
          onClick={() => {
            openedBy.current = null;
            setOpen(!shown);
          }}
          onKeyDown={onButtonKey}
        >
          More <span aria-hidden="true">▾</span>
        </button>
      )}
      <div
        id={menuId}
        ref={menu}
        className={`toolbar-more${shown ? ' toolbar-more-open' : ''}`}
        role={shown ? 'menu' : undefined}
        aria-label={shown ? 'More actions' : undefined}
        onKeyDown={onMenuKey}
        onClick={onMenuClick}
      >
        <InMoreMenuContext value={compact}>
          <FocusMoreContext value={compact ? focusMore : null}>{children}</FocusMoreContext>
        </InMoreMenuContext>
      </div>
    </>
  );
}
