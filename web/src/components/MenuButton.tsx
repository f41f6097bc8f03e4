import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon";
import { useDisclosure } from "./useDisclosure";

interface MenuButtonProps {
  /** Visible text, or the accessible name when `iconOnly`. */
  label: string;
  icon?: IconName;
  iconOnly?: boolean;
  align?: "start" | "end";
  className?: string;
  disabled?: boolean;
  /** The items; call `close` before acting so focus returns to the button. */
  children: (close: () => void) => ReactNode;
}

/** A button that opens a small list of actions (the disclosure pattern used by the user menu). */
export function MenuButton({
  label,
  icon,
  iconOnly = false,
  align = "start",
  className,
  disabled,
  children,
}: MenuButtonProps) {
  const disclosure = useDisclosure();
  return (
    <div className="popover-anchor">
      <button
        ref={disclosure.buttonRef}
        type="button"
        className={className ?? (iconOnly ? "icon-button" : "button")}
        disabled={disabled}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        {...disclosure.buttonProps}
      >
        {icon ? <Icon name={icon} size={16} /> : null}
        {iconOnly ? null : label}
        {iconOnly ? null : <Icon name="chevronDown" size={14} />}
      </button>
      <div
        ref={disclosure.panelRef}
        className={align === "end" ? "popover popover--end popover--menu" : "popover popover--menu"}
        {...disclosure.panelProps}
      >
        {disclosure.open ? children(() => disclosure.close(true)) : null}
      </div>
    </div>
  );
}

export function MenuItem({
  icon,
  onSelect,
  children,
  tone = "default",
  disabled,
}: {
  icon?: IconName;
  onSelect: () => void;
  children: ReactNode;
  tone?: "default" | "danger";
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={tone === "danger" ? "popover__item popover__item--danger" : "popover__item"}
      onClick={onSelect}
      disabled={disabled}
    >
      {icon ? <Icon name={icon} size={16} /> : null}
      <span className="popover__item-main">{children}</span>
    </button>
  );
}
