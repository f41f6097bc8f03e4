import { useTranslation } from "react-i18next";
import type { User } from "../../api/types";
import { Icon } from "../../components/Icon";
import { useDisclosure } from "../../components/useDisclosure";
import { useLogout } from "../auth/hooks";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.slice(0, 1).toUpperCase())
    .join("") || "?";

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const disclosure = useDisclosure();
  const logout = useLogout();

  return (
    <div className="popover-anchor">
      <button ref={disclosure.buttonRef} type="button" className="user-button" {...disclosure.buttonProps}>
        <span className="sr-only">{t("topbar.userMenu", { name: user.name })}</span>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div ref={disclosure.panelRef} className="popover popover--end" {...disclosure.panelProps}>
        <div className="popover__user">
          <p className="popover__caption">{t("topbar.signedInAs")}</p>
          <p className="popover__user-name">{user.name}</p>
          <p className="popover__user-email">{user.email}</p>
        </div>
        <div className="popover__divider" />
        <button
          type="button"
          className="popover__item"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          <Icon name="logout" size={16} />
          <span className="popover__item-main">{t("topbar.logout")}</span>
        </button>
      </div>
    </div>
  );
}
