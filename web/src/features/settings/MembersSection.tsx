import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { type Member, ROLES, type Role, type Workspace } from "../../api/types";
import { DateText } from "../../components/DateText";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Loading";
import { useSession } from "../auth/hooks";
import { AddMemberDialog } from "./AddMemberDialog";
import { useChangeMemberRole, useMembers } from "./hooks";
import { RemoveMemberDialog } from "./RemoveMemberDialog";

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
    <section className="section" aria-labelledby="members-heading">
      <div className="section__header">
        <div>
          <h2 className="section__title" id="members-heading">
            {t("members.heading")}
          </h2>
          <p className="section__intro">{t("members.intro")}</p>
        </div>
        {canManage ? (
          <button
            ref={addButtonRef}
            type="button"
            className="button button--primary"
            onClick={() => {
              setStatus("");
              setAdding(true);
            }}
          >
            <Icon name="plus" size={16} />
            {t("members.add")}
          </button>
        ) : null}
      </div>
      <p className="status-message" role="status">
        {status}
      </p>
      <ErrorAlert error={changeRole.error} />
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        isApiError(members.error) && members.error.status === 403 ? (
          <p className="notice-inline">{t("members.forbidden")}</p>
        ) : (
          <ErrorAlert error={members.error} />
        )
      ) : members.data.length === 0 ? (
        <p className="notice-inline">{t("members.empty")}</p>
      ) : (
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
              {members.data.map((member) => {
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
    </section>
  );
}
