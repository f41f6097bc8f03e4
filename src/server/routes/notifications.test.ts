import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAppConfig } from "../../core/config.js";
import { uuidv7 } from "../../core/ids.js";
import { notify } from "../../core/notifications/notify.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { type SmtpSink, startSmtpSink } from "../../testing/smtp-sink.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "notifications API on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let sink: SmtpSink;
    let call: ReturnType<typeof client>;
    let analyst: { userId: string; cookie: string };
    let agent: { userId: string; cookie: string };
    const config = defaultAppConfig({
      publicUrl: "https://cx.example.com",
      webhooks: { allowPrivateAddresses: true, timeoutMs: 2_000 },
      mail: { timeoutMs: 2_000 },
    });
    const url = (suffix: string, w: SeededWorkspace = ws) => `/api/v1/workspaces/${w.workspaceId}${suffix}`;

    beforeAll(async () => {
      stores = await variant.open();
      sink = await startSmtpSink();
      ws = await seedWorkspace(stores, "NotifyApi");
      other = await seedWorkspace(stores, "Other");
      analyst = await ws.member("analyst");
      agent = await ws.member("agent");
      call = client(testApp(stores, config));
      for (let i = 1; i <= 3; i++)
        await notify(
          stores.sor.db,
          ws.workspaceId,
          { userIds: [analyst.userId] },
          {
            kind: "alert",
            title: `Alert ${i}`,
            body: "",
            link: i === 1 ? "//evil.example.com/x" : `/w/${ws.workspaceId}/topics`,
          },
        );
      await notify(
        stores.sor.db,
        ws.workspaceId,
        { userIds: [agent.userId] },
        { kind: "alert", title: "Agent's", body: "" },
      );
    });
    afterAll(async () => {
      await sink.stop();
      await stores.close();
    });

    it("lists the caller's own notifications in cursor pages, newest first", async () => {
      const me = { cookie: analyst.cookie };
      const first = await call("GET", url("/notifications?limit=2"), me);
      expect(first.status).toBe(200);
      expect(first.body.items.map((n: { title: string }) => n.title)).toEqual(["Alert 3", "Alert 2"]);
      expect(first.body.items[0]).toMatchObject({
        kind: "alert",
        severity: "info",
        readAt: null,
        link: `/w/${ws.workspaceId}/topics`,
      });
      const second = await call("GET", url(`/notifications?limit=2&cursor=${first.body.nextCursor}`), me);
      expect(second.body.items.map((n: { title: string; link: string | null }) => [n.title, n.link])).toEqual(
        [["Alert 1", null]],
      );
      expect(second.body.nextCursor).toBeNull();
      expect((await call("GET", url("/notifications?cursor=nope"), me)).body.errors[0].pointer).toBe(
        "/query/cursor",
      );
      expect((await call("GET", url("/notifications?limit=500"), me)).body.errors[0].pointer).toBe(
        "/query/limit",
      );
    });

    it("marks read one by one and all at once; others' notifications are not found", async () => {
      const me = { cookie: analyst.cookie };
      expect((await call("GET", url("/notifications/unread-count"), me)).body).toEqual({ unread: 3 });
      const list = await call("GET", url("/notifications"), me);
      const id = list.body.items[0].id as string;
      const read = await call("POST", url(`/notifications/${id}/read`), me);
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const again = await call("POST", url(`/notifications/${id}/read`), me);
      expect(again.body.readAt).toBe(read.body.readAt);
      expect((await call("GET", url("/notifications/unread-count"), me)).body).toEqual({ unread: 2 });
      const unread = await call("GET", url("/notifications?unread=true"), me);
      expect(unread.body.items.map((n: { title: string }) => n.title)).toEqual(["Alert 2", "Alert 1"]);

      // Someone else's notification in the same workspace, a random id, a non-id: 404, nothing changes.
      const agentsId = (await call("GET", url("/notifications"), { cookie: agent.cookie })).body.items[0].id;
      for (const bad of [agentsId, uuidv7(), "x"])
        expect((await call("POST", url(`/notifications/${bad}/read`), me)).status).toBe(404);
      expect((await call("GET", url("/notifications/unread-count"), { cookie: agent.cookie })).body).toEqual({
        unread: 1,
      });
      // Another workspace's routes answer 404 to a non-member.
      expect((await call("GET", url("/notifications", other), me)).status).toBe(404);

      expect((await call("POST", url("/notifications/read-all"), me)).body).toEqual({ updated: 2 });
      expect((await call("GET", url("/notifications/unread-count"), me)).body).toEqual({ unread: 0 });
    });

    it("keeps notifications to people: an API key gets 403 on lists and 404 on ids", async () => {
      const key = await ws.key(["read", "write", "admin"]);
      expect((await call("GET", url("/notifications"), { bearer: key })).status).toBe(403);
      expect((await call("GET", url("/notification-preferences"), { bearer: key })).status).toBe(403);
      const id = (await call("GET", url("/notifications"), { cookie: agent.cookie })).body.items[0].id;
      expect((await call("POST", url(`/notifications/${id}/read`), { bearer: key })).status).toBe(404);
    });

    it("validates preferences, naming the field", async () => {
      const me = { cookie: analyst.cookie };
      const defaults = await call("GET", url("/notification-preferences"), me);
      expect(defaults.body).toEqual({
        email: { alert: true, case_assigned: true, case_sla_breached: true, case_escalated: true },
        digest: "none",
        nextDigestAt: null,
        lastDigestAt: null,
      });
      const bad = await call("PUT", url("/notification-preferences"), { ...me, body: "not json" });
      expect(bad.status).toBe(400);
      const badDigest = await call("PUT", url("/notification-preferences"), {
        ...me,
        body: { digest: "hourly" },
      });
      expect(badDigest.status).toBe(400);
      expect(badDigest.body.errors[0].pointer).toBe("/body/digest");
      const badKind = await call("PUT", url("/notification-preferences"), {
        ...me,
        body: { email: { spam: true } },
      });
      expect(badKind.status).toBe(400);
      expect(badKind.body.errors[0].pointer).toMatch(/^\/body\/email/);
    });

    it("keeps SMTP settings to admins, never returns the password and validates each field", async () => {
      expect((await call("GET", url("/mail-settings"), { cookie: analyst.cookie })).status).toBe(403);
      const admin = { cookie: ws.ownerCookie };
      expect((await call("GET", url("/mail-settings"), admin)).body).toMatchObject({
        enabled: false,
        passwordSet: false,
      });
      const cases: [unknown, string][] = [
        [{ enabled: true, host: "smtp.example.com", port: 70000 }, "/body/port"],
        [{ enabled: true, host: "smtp.example.com", fromAddress: "not-an-address" }, "/body/fromAddress"],
        [{ enabled: true, host: "bad host!" }, "/body/host"],
        [{ enabled: true, host: null }, "/body/host"],
        [{ enabled: true, host: "smtp.example.com", security: "ssl" }, "/body/security"],
      ];
      for (const [body, pointer] of cases) {
        const res = await call("PUT", url("/mail-settings"), { ...admin, body });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].pointer).toBe(pointer);
      }
      // With an installation SMTP server, a workspace may enable e-mail without a host of its own.
      const withFallback = client(testApp(stores, { ...config, mail: { smtpUrl: "smtp://127.0.0.1:1" } }));
      const put = await withFallback("PUT", url("/mail-settings"), {
        ...admin,
        body: { enabled: true, host: null },
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ enabled: true, host: null, installationFallback: true });
    });

    it("sends a test e-mail now and says why when it fails", async () => {
      const admin = { cookie: ws.ownerCookie };
      const put = await call("PUT", url("/mail-settings"), {
        ...admin,
        body: { enabled: true, host: "127.0.0.1", port: sink.port, security: "none", password: "pw" },
      });
      expect(put.body.passwordSet).toBe(true);
      // Omitting the password keeps it; null removes it.
      const kept = await call("PUT", url("/mail-settings"), {
        ...admin,
        body: { enabled: true, host: "127.0.0.1", port: sink.port, security: "none" },
      });
      expect(kept.body.passwordSet).toBe(true);
      const test = await call("POST", url("/mail-settings/test"), {
        ...admin,
        body: { to: "ops@example.com" },
      });
      expect(test.body).toEqual({ delivered: true, to: "ops@example.com", error: null });
      const [mail] = await sink.waitFor(1);
      expect(mail?.to).toEqual(["ops@example.com"]);
      expect(mail?.parsed.subject).toBe("Journeylens: Test e-mail");
      await sink.stop();
      const down = await call("POST", url("/mail-settings/test"), { ...admin, body: {} });
      expect(down.body.delivered).toBe(false);
      expect(down.body.error).toMatch(/ECONNREFUSED|connect/i);
      await sink.start();
      // A private SMTP host is refused unless the installation or the workspace owner allows it.
      const strict = client(
        testApp(stores, { ...config, webhooks: { allowPrivateAddresses: false, timeoutMs: 2_000 } }),
      );
      const refused = await strict("POST", url("/mail-settings/test"), { ...admin, body: {} });
      expect(refused.body).toMatchObject({ delivered: false });
      expect(refused.body.error).toMatch(/private address 127\.0\.0\.1/);
    });

    it("previews the caller's digest and refuses to send it while e-mail is off", async () => {
      const me = { cookie: agent.cookie };
      const preview = await call("POST", url("/notifications/digest-preview"), { ...me, body: {} });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        empty: true,
        sent: false,
        subject: expect.stringMatching(/digest|Zusammenfassung/),
      });
      const now = new Date();
      await stores.sor.db
        .insertInto("cases")
        .values({
          id: uuidv7(),
          workspace_id: ws.workspaceId,
          title: "Rückruf <i>fehlt</i>",
          customer_id: null,
          journey_id: null,
          touchpoint_id: null,
          step_id: null,
          channel: null,
          aspect: null,
          segment: null,
          status: "new",
          priority: "normal",
          assignee_user_id: agent.userId,
          opened_at: now,
          due_at: new Date(now.getTime() + 3_600_000),
          last_activity_at: now,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const full = await call("POST", url("/notifications/digest-preview"), {
        ...me,
        body: { frequency: "weekly" },
      });
      expect(full.body.empty).toBe(false);
      expect(full.body.digest.frequency).toBe("weekly");
      expect(
        full.body.digest.myCases.map((c: { title: string; dueSoon: boolean }) => [c.title, c.dueSoon]),
      ).toEqual([["Rückruf <i>fehlt</i>", true]]);
      expect(full.body.html).toContain("Rückruf &lt;i&gt;fehlt&lt;/i&gt;");
      await call("PUT", url("/mail-settings"), {
        cookie: ws.ownerCookie,
        body: { enabled: false, host: "127.0.0.1" },
      });
      expect(
        (await call("POST", url("/notifications/digest-preview"), { ...me, body: { send: true } })).status,
      ).toBe(409);
      await call("PUT", url("/mail-settings"), {
        cookie: ws.ownerCookie,
        body: { enabled: true, host: "127.0.0.1", port: sink.port, security: "none" },
      });
      const sent = await call("POST", url("/notifications/digest-preview"), { ...me, body: { send: true } });
      expect(sent.body.sent).toBe(true);
      const queued = await stores.sor.db
        .selectFrom("outbox")
        .select("payload")
        .where("workspace_id", "=", ws.workspaceId)
        .where("topic", "=", "mail.send")
        .execute();
      expect(queued.map((q) => (q.payload as { type: string; userId: string }).userId)).toContain(
        agent.userId,
      );
    });
  },
);
