// A toolbar action's button: a plain button in the bar, a menu item once a phone folds it into More.
import { createContext, use, type ButtonHTMLAttributes, type Ref, type RefObject } from 'react';

/** True inside the More menu of a phone's toolbar (see Toolbar and README.md). */
export const InMoreMenuContext = createContext(false);

/** Focuses the phone's More button; null where nothing is folded (desktop widths). */
export const FocusMoreContext = createContext<(() => void) | null>(null);

/**
 * Gives the focus back to an action once what it opened (the presentation) is gone: to its button,
 * or to More when the button is folded into the closed menu (hidden, it cannot take the focus).
 */
export function useFocusAction(button: RefObject<HTMLButtonElement | null>): () => void {
  const focusMore = use(FocusMoreContext);
  return () => {
    const el = button.current;
    if (el && el.getClientRects().length > 0) el.focus({ preventScroll: true });
    else focusMore?.();
  };
}

type ToolbarButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> };

/** Every action after Run all is one of these, so that it lands in the More menu with the right role. */
export function ToolbarButton({ className, ...props }: ToolbarButtonProps) {
  const inMenu = use(InMoreMenuContext);
  return (
    <button
      type="button"
      className={className ?? 'btn'}
      {...props}
      role={inMenu ? 'menuitem' : undefined}
      // A menu item cannot be pressed: while presenting, the menu is behind the slides anyway.
      aria-pressed={inMenu ? undefined : props['aria-pressed']}
    />
  );
}
