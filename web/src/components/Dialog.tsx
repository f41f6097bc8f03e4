import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { Icon } from "./Icon";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tryFocus(element: HTMLElement | null): boolean {
  if (!element?.isConnected) return false;
  element.focus();
  return document.activeElement === element;
}

interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Element to focus when the dialog opens; defaults to the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Focused on close when the element focused before opening is gone or hidden. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  tone?: "default" | "danger";
  /** `wide` for forms with many fields, `side` for a panel docked to the right edge. */
  size?: "default" | "wide" | "side";
  /** Shows a close button in the corner with this accessible name (for panels without a Cancel button). */
  closeLabel?: string;
}

/**
 * A modal dialog: the rest of the app is made inert while it is open, focus moves in and stays in,
 * Escape closes it and focus returns to where it came from.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  initialFocusRef,
  returnFocusRef,
  tone = "default",
  size = "default",
  closeLabel,
}: DialogProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const returnTarget = returnFocusRef?.current ?? null;
    const root = document.getElementById("root");
    root?.setAttribute("inert", "");
    document.body.classList.add("has-modal");
    const panel = panelRef.current;
    const first = initialFocusRef?.current ?? panel?.querySelector<HTMLElement>(FOCUSABLE) ?? panel;
    first?.focus();
    // When the focused control disappears (a view inside the dialog was swapped), focus falls to the
    // body, out of reach of the panel's own key handler: Escape must still close the dialog.
    const onOrphanKey = (event: globalThis.KeyboardEvent) => {
      const active = document.activeElement;
      if (event.key === "Escape" && (!active || active === document.body)) onCloseRef.current();
    };
    document.addEventListener("keydown", onOrphanKey);
    return () => {
      document.removeEventListener("keydown", onOrphanKey);
      root?.removeAttribute("inert");
      document.body.classList.remove("has-modal");
      if (!tryFocus(previous)) tryFocus(returnTarget);
    };
  }, [initialFocusRef, returnFocusRef]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== "Tab" || !panelRef.current) return;
    const items = [...panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className={`dialog-backdrop dialog-backdrop--${size}`}>
      <div
        ref={panelRef}
        className={`dialog dialog--${tone} dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {closeLabel ? (
          <button
            type="button"
            className="icon-button dialog__close"
            aria-label={closeLabel}
            title={closeLabel}
            onClick={() => onCloseRef.current()}
          >
            <Icon name="close" size={18} />
          </button>
        ) : null}
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="dialog__description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
