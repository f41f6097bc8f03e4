import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { Icon, type IconName } from "./Icon";

/**
 * A tab list with the ARIA tabs pattern (arrow keys, Home, End); the caller renders the panel with
 * `tabPanelProps(id)`.
 */
export function Tabs<T extends string>({
  tabs,
  current,
  onSelect,
  label,
  idPrefix,
}: {
  tabs: readonly { id: T; label: string; icon?: IconName; badge?: ReactNode }[];
  current: T;
  onSelect: (id: T) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const ids = tabs.map((tab) => tab.id);
    const focused = ids.find((id) => refs.current.get(id) === event.target) ?? current;
    const index = ids.indexOf(focused);
    const target =
      event.key === "ArrowRight"
        ? ids[(index + 1) % ids.length]
        : event.key === "ArrowLeft"
          ? ids[(index + ids.length - 1) % ids.length]
          : event.key === "Home"
            ? ids[0]
            : event.key === "End"
              ? ids[ids.length - 1]
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    refs.current.get(target)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={current === tab.id}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={current === tab.id ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.icon ? <Icon name={tab.icon} size={16} /> : null}
          {tab.label}
          {tab.badge}
        </button>
      ))}
    </div>
  );
}

export const tabPanelProps = (idPrefix: string, id: string) => ({
  role: "tabpanel",
  id: `${idPrefix}-panel-${id}`,
  "aria-labelledby": `${idPrefix}-tab-${id}`,
  tabIndex: 0,
});
