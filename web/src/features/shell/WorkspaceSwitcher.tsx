import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Workspace } from "../../api/types";
import { Icon } from "../../components/Icon";
import { useDisclosure } from "../../components/useDisclosure";
import { CreateWorkspaceDialog } from "../workspaces/CreateWorkspaceDialog";
import { useWorkspaces } from "../workspaces/hooks";

/** The section of the current path (`/w/:id/<section>/…`), kept when switching workspace. */
function sectionOf(pathname: string): string {
  const section = pathname.split("/")[3];
  return section ? `/${section}` : "";
}

/** `current` is undefined while the workspace loads or when it cannot be opened. */
export function WorkspaceSwitcher({ current }: { current: Workspace | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const workspaces = useWorkspaces();
  const disclosure = useDisclosure();
  const [creating, setCreating] = useState(false);

  return (
    <div className="popover-anchor">
      <button
        ref={disclosure.buttonRef}
        type="button"
        className="workspace-switcher"
        {...disclosure.buttonProps}
      >
        {current ? (
          <span className="workspace-switcher__avatar" aria-hidden="true">
            {current.name.slice(0, 1).toUpperCase()}
          </span>
        ) : null}
        <span className="workspace-switcher__text">
          {current ? <span className="workspace-switcher__caption">{t("topbar.workspace")}</span> : null}{" "}
          <span className="workspace-switcher__name">{current?.name ?? t("topbar.chooseWorkspace")}</span>
        </span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div ref={disclosure.panelRef} className="popover" {...disclosure.panelProps}>
        <p className="popover__heading" id={`${disclosure.panelProps.id}-heading`}>
          {t("topbar.workspaces")}
        </p>
        <ul className="popover__list" aria-labelledby={`${disclosure.panelProps.id}-heading`}>
          {(workspaces.data ?? []).map((workspace) => (
            <li key={workspace.id}>
              <Link
                className="popover__item"
                to={`/w/${workspace.id}${sectionOf(location.pathname)}`}
                aria-current={workspace.id === current?.id ? "true" : undefined}
                onClick={() => disclosure.close()}
              >
                <span className="popover__item-main">{workspace.name}</span>
                {workspace.role ? (
                  <span className="popover__item-meta">{t(`roles.${workspace.role}`)}</span>
                ) : null}
                {workspace.id === current?.id ? <Icon name="check" size={16} /> : null}
              </Link>
            </li>
          ))}
        </ul>
        <div className="popover__divider" />
        <button
          type="button"
          className="popover__item"
          onClick={() => {
            disclosure.close();
            setCreating(true);
          }}
        >
          <Icon name="plus" size={16} />
          <span className="popover__item-main">{t("topbar.createWorkspace")}</span>
        </button>
      </div>
      {creating ? (
        <CreateWorkspaceDialog onClose={() => setCreating(false)} returnFocusRef={disclosure.buttonRef} />
      ) : null}
    </div>
  );
}
