import { type FormEvent, type RefObject, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type BulkTouchpointChange,
  CHANNEL_PATTERN,
  TOUCHPOINT_KINDS,
  type TouchpointKind,
} from "../../api/journey-design";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { serverFieldMessage } from "../../components/errors";
import { SelectField, TextField } from "../../components/Field";
import { useMembers } from "../settings/hooks";
import { useBulkUpdateTouchpoints } from "./hooks";
import { ChannelDatalist } from "./TouchpointBits";
import { splitTags } from "./TouchpointEditor";
import type { Facets } from "./TouchpointsPage";

const KEEP = "";

/** Changes the chosen fields of all selected touchpoints at once; fields left on "unchanged" stay. */
export function BulkEditDialog({
  workspaceId,
  ids,
  facets,
  returnFocusRef,
  onClose,
  onDone,
}: {
  workspaceId: string;
  ids: string[];
  facets: Facets;
  returnFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onDone: (updated: number) => void;
}) {
  const { t } = useTranslation();
  const bulk = useBulkUpdateTouchpoints(workspaceId);
  const members = useMembers(workspaceId);
  const [channel, setChannel] = useState("");
  const [kind, setKind] = useState<TouchpointKind | "">(KEEP);
  const [department, setDepartment] = useState<{ mode: "keep" | "set" | "clear"; value: string }>({
    mode: "keep",
    value: "",
  });
  const [owner, setOwner] = useState(KEEP);
  const [team, setTeam] = useState("");
  const [signature, setSignature] = useState(KEEP);
  const [addTags, setAddTags] = useState("");
  const [removeTags, setRemoveTags] = useState("");
  const [nothing, setNothing] = useState(false);
  const channelListId = useId();
  const channelInvalid = channel.trim() !== "" && !CHANNEL_PATTERN.test(channel.trim());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (channelInvalid) return;
    const set: BulkTouchpointChange = {};
    if (channel.trim()) set.channel = channel.trim();
    if (kind) set.kind = kind;
    if (department.mode === "clear") set.department = null;
    if (department.mode === "set" && department.value.trim()) set.department = department.value.trim();
    if (owner === "none") set.owner = null;
    else if (owner === "team" && team.trim()) set.owner = { type: "team", name: team.trim() };
    else if (owner.startsWith("user:")) set.owner = { type: "user", userId: owner.slice(5) };
    if (signature) set.signature = signature === "true";
    if (splitTags(addTags).length) set.addTags = splitTags(addTags);
    if (splitTags(removeTags).length) set.removeTags = splitTags(removeTags);
    if (Object.keys(set).length === 0) {
      setNothing(true);
      return;
    }
    bulk.mutate(
      { ids, set },
      {
        onSuccess: (result) => {
          onDone(result.updated);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      title={t("touchpoints.bulk.title", { count: ids.length })}
      description={t("touchpoints.bulk.description")}
      onClose={onClose}
      returnFocusRef={returnFocusRef}
      size="wide"
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={bulk.error} />
        {nothing ? (
          <p className="inline-warning" role="alert">
            {t("touchpoints.bulk.nothing")}
          </p>
        ) : null}
        <div className="form-grid">
          <TextField
            label={t("touchpoints.fields.channel")}
            placeholder={t("touchpoints.bulk.unchanged")}
            list={channelListId}
            autoComplete="off"
            value={channel}
            onChange={(e) => setChannel(e.target.value.toLowerCase())}
            error={
              channelInvalid
                ? t("touchpoints.editor.channelInvalid")
                : serverFieldMessage(bulk.error, "/body/set/channel")
            }
          />
          <ChannelDatalist id={channelListId} used={facets.channels} />
          <SelectField
            label={t("touchpoints.fields.kind")}
            value={kind}
            onChange={(e) => setKind(e.target.value as TouchpointKind | "")}
          >
            <option value={KEEP}>{t("touchpoints.bulk.unchanged")}</option>
            {TOUCHPOINT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`touchpoints.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("touchpoints.fields.department")}
            value={department.mode}
            onChange={(e) =>
              setDepartment({ ...department, mode: e.target.value as "keep" | "set" | "clear" })
            }
          >
            <option value="keep">{t("touchpoints.bulk.unchanged")}</option>
            <option value="set">{t("touchpoints.bulk.setTo")}</option>
            <option value="clear">{t("touchpoints.bulk.clearValue")}</option>
          </SelectField>
          {department.mode === "set" ? (
            <TextField
              label={t("touchpoints.bulk.newDepartment")}
              autoComplete="off"
              list={`${channelListId}-dept`}
              value={department.value}
              onChange={(e) => setDepartment({ mode: "set", value: e.target.value })}
            />
          ) : (
            <span />
          )}
          <datalist id={`${channelListId}-dept`}>
            {facets.departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
          <SelectField
            label={t("touchpoints.fields.owner")}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value={KEEP}>{t("touchpoints.bulk.unchanged")}</option>
            <option value="none">{t("touchpoints.editor.noOwner")}</option>
            <optgroup label={t("touchpoints.editor.members")}>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={`user:${m.userId}`}>
                  {m.name}
                </option>
              ))}
            </optgroup>
            <option value="team">{t("touchpoints.editor.team")}</option>
          </SelectField>
          {owner === "team" ? (
            <TextField
              label={t("touchpoints.editor.teamName")}
              autoComplete="off"
              value={team}
              onChange={(e) => setTeam(e.target.value)}
            />
          ) : (
            <span />
          )}
          <SelectField
            label={t("touchpoints.fields.signature")}
            value={signature}
            onChange={(e) => setSignature(e.target.value)}
          >
            <option value={KEEP}>{t("touchpoints.bulk.unchanged")}</option>
            <option value="true">{t("touchpoints.filters.signatureYes")}</option>
            <option value="false">{t("touchpoints.filters.signatureNo")}</option>
          </SelectField>
          <span />
          <TextField
            label={t("touchpoints.bulk.addTags")}
            hint={t("touchpoints.editor.tagsHint")}
            autoComplete="off"
            value={addTags}
            onChange={(e) => setAddTags(e.target.value)}
          />
          <TextField
            label={t("touchpoints.bulk.removeTags")}
            hint={t("touchpoints.editor.tagsHint")}
            autoComplete="off"
            value={removeTags}
            onChange={(e) => setRemoveTags(e.target.value)}
          />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={bulk.isPending}>
            {bulk.isPending ? t("common.saving") : t("touchpoints.bulk.apply", { count: ids.length })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
