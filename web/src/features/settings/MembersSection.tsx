import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Member, ROLES, type Role, type Workspace } from "../../api/types";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSession } from "../auth/hooks";
import { AddMemberDialog } from "./AddMemberDialog";
import { useChangeMemberRole, useMembers } from "./hooks";
import { RemoveMemberDialog } from "./RemoveMemberDialog";
import { QueryList, SettingsSection } from "./SettingsSection";

/** Roles the current user may hand out: nobody grants more than they have. */
export function grantableRoles(own: Role | null): readonly Role[] {
  if (own === "owner") return ROLES;
  return own === "admin" ? ROLES.filter((r) => r !== "owner") : [];
}

export function MembersSection({ workspace, canManage }: { workspace: Workspace; canManage: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const members = useMembers(workspace.id);
  const changeRole = useChangeMemberRole(workspace.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [status, setStatus] = useState("");
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const ownId = session.data?.user.id;
  const roles = grantableRoles(workspace.role);

  function onRoleChange(member: Member, role: Role) {
    setStatus("");
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => setStatus(t("members.roleChanged", { name: member.name, role: t(`roles.${role}`) })),
      },
    );
  }

  return (
    <SettingsSection
      headingId="members-heading"
      title={t("members.heading")}
      intro={t("members.intro")}
      action={
        canManage
          ? {
              label: t("members.add"),
              ref: addButtonRef,
              onClick: () => {
                setStatus("");
                setAdding(true);
              },
            }
          : undefined
      }
      status={status}
    >
      <ErrorAlert error={changeRole.error} />
      <QueryList query={members} forbidden={t("members.forbidden")} empty={t("members.empty")}>
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("members.name")}</th>
                  <th scope="col">{t("members.role")}</th>
                  <th scope="col">{t("members.since")}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="sr-only">{t("members.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((member) => {
                  const isSelf = member.userId === ownId;
                  const editable = canManage && !isSelf && roles.includes(member.role);
                  return (
                    <tr key={member.userId}>
                      <td>
                        <div className="cell-primary">
                          {member.name}
                          {isSelf ? <span className="cell-tag"> ({t("common.you")})</span> : null}
                        </div>
                        <div className="cell-secondary">{member.email}</div>
                      </td>
                      <td>
                        {editable ? (
                          <select
                            className="input select select--compact"
                            aria-label={t("members.roleOf", { name: member.name })}
                            value={member.role}
                            disabled={changeRole.isPending}
                            onChange={(e) => onRoleChange(member, e.target.value as Role)}
                          >
                            {roles.map((role) => (
                              <option key={role} value={role}>
                                {t(`roles.${role}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span className="badge">{t(`roles.${member.role}`)}</span>
                        )}
                      </td>
                      <td>
                        <DateText value={member.createdAt} />
                      </td>
                      {canManage ? (
                        <td className="cell-actions">
                          {editable ? (
                            <button
                              type="button"
                              className="button button--ghost button--danger-text"
                              aria-label={t("members.removeLabel", { name: member.name })}
                              onClick={() => {
                                setStatus("");
                                setRemoving(member);
                              }}
                            >
                              {t("members.remove")}
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryList>
      {adding ? (
        <AddMemberDialog
          workspaceId={workspace.id}
          roles={roles}
          returnFocusRef={addButtonRef}
          onClose={() => setAdding(false)}
          onAdded={(member) => setStatus(t("members.added", { name: member.name }))}
        />
      ) : null}
      {removing ? (
        <RemoveMemberDialog
          workspaceId={workspace.id}
          member={removing}
          returnFocusRef={addButtonRef}
          onClose={() => setRemoving(null)}
          onRemoved={() => setStatus(t("members.removed", { name: removing.name }))}
        />
      ) : null}
    </SettingsSection>
  );
}
