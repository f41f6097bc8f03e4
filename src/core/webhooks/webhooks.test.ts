import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isPrivateAddress, postWebhook, WebhookError } from "./post-webhook.js";
import { generateWebhookSecret, maskSecret, signWebhook, verifyWebhook, webhookHeaders } from "./sign.js";

describe("Standard Webhooks signatures", () => {
  it("matches the specification's test vector", () => {
    expect(
      signWebhook(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("verifies its own headers, and refuses other secrets, bodies and stale timestamps", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(maskSecret(secret)).toBe(`whsec_…${secret.slice(-4)}`);
    const headers = webhookHeaders(secret, "inv_1", '{"a":1}');
    expect(verifyWebhook(secret, headers, '{"a":1}')).toBe(true);
    expect(verifyWebhook(secret, headers, '{"a":2}')).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), headers, '{"a":1}')).toBe(false);
    expect(verifyWebhook(secret, headers, '{"a":1}', { now: Date.now() + 600_000 })).toBe(false);
  });
});

describe("address guard", () => {
  it("classifies private, loopback, link-local and mapped addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.31.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:a00:1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe("webhook delivery", () => {
  let server: Server;
  let port: number;
  let received: { headers: IncomingMessage["headers"]; body: string }[];
  let reply: (path: string) => { status: number; headers?: Record<string, string>; delayMs?: number };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        const r = reply(req.url ?? "/");
        setTimeout(() => res.writeHead(r.status, r.headers).end("nope"), r.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received = [];
    reply = () => ({ status: 204 });
  });

  const send = (host: string, allowPrivateAddresses: boolean, path = "/hook", timeoutMs = 2000) => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = JSON.stringify({ type: "survey.invitation", n: 1 });
    return postWebhook({
      url: `http://${host}:${port}${path}`,
      body,
      headers: { ...webhookHeaders(secret, "inv_42", body) },
      allowPrivateAddresses,
      timeoutMs,
    });
  };

  it("delivers a signed body the receiver can verify when private addresses are allowed", async () => {
    expect(await send("127.0.0.1", true)).toBe(204);
    const [got] = received;
    expect(got?.headers["content-type"]).toBe("application/json");
    const headers = {
      "webhook-id": String(got?.headers["webhook-id"]),
      "webhook-timestamp": String(got?.headers["webhook-timestamp"]),
      "webhook-signature": String(got?.headers["webhook-signature"]),
    };
    expect(headers["webhook-id"]).toBe("inv_42");
    expect(verifyWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, got?.body ?? "")).toBe(true);
  });

  it("refuses loopback addresses, literal or resolved, without connecting", async () => {
    // A kept-alive socket from an allowed delivery must not bypass the check of the next one.
    expect(await send("localhost", true)).toBe(204);
    received = [];
    await expect(send("127.0.0.1", false)).rejects.toThrow(/private address/);
    await expect(send("localhost", false)).rejects.toThrow(/private address/);
    const error = await send("localhost", false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookError);
    expect((error as WebhookError).retryable).toBe(false);
    expect(received).toEqual([]);
  });

  it("does not follow redirects and fails on error statuses and timeouts", async () => {
    reply = (path) =>
      path === "/moved"
        ? { status: 302, headers: { location: "/hook" } }
        : path === "/slow"
          ? { status: 200, delayMs: 500 }
          : { status: 500 };
    await expect(send("127.0.0.1", true, "/moved")).rejects.toThrow(
      "receiver answered redirect (not followed) 302",
    );
    expect(received.map(() => "call")).toEqual(["call"]);
    await expect(send("127.0.0.1", true, "/fail")).rejects.toThrow("receiver answered status 500: nope");
    await expect(send("127.0.0.1", true, "/slow", 100)).rejects.toThrow("timed out after 100 ms");
  });
});
