import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

/** Private, loopback, link-local, shared, multicast and reserved ranges: never reached from here. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  // IPv4-compatible (deprecated) and 6to4 forms can embed an internal IPv4 address.
  ["::", 96],
  ["2002::", 16],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** Whether an address is one webhooks must not reach (IPv4-mapped IPv6 counts as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class WebhookError extends Error {
  constructor(
    message: string,
    /** False when retrying cannot help (a refused address). */
    readonly retryable = true,
  ) {
    super(message);
    this.name = "WebhookError";
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves like `dns.lookup` and refuses private results at connect time, so a host name that
 * resolves (or re-resolves, DNS rebinding) to an internal address is never connected to.
 */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused)
      return callback(
        Object.assign(
          new WebhookError(`${hostname} resolves to the private address ${refused.address}`, false),
          {
            code: "EPRIVATE",
          },
        ),
        [],
      );
    const first = addresses[0];
    if (options.all) return callback(null, addresses);
    if (!first)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivateAddresses: boolean;
  timeoutMs: number;
}

export interface JsonPostRequest extends WebhookRequest {
  /** A longer answer fails the request (a provider's answer is parsed whole). */
  maxResponseBytes: number;
}

/**
 * POSTs JSON to a receiver. Redirects are not followed (a 3xx is a failure), any non-2xx status
 * throws, and the whole exchange must finish within the timeout. Resolves with the status.
 */
export async function postWebhook(req: WebhookRequest): Promise<number> {
  const res = await postJson({ ...req, maxResponseBytes: Number.POSITIVE_INFINITY }, 2000);
  if (res.status >= 200 && res.status < 300) return res.status;
  const text = res.body.slice(0, 200);
  const what = res.status >= 300 && res.status < 400 ? "redirect (not followed)" : "status";
  throw new WebhookError(`receiver answered ${what} ${res.status}${text ? `: ${text}` : ""}`);
}

/**
 * The address-guarded POST under webhooks and external text providers: resolves with the status
 * and the answer (any status; no redirect followed), rejects on refused addresses, network errors,
 * the timeout, or an answer over `maxResponseBytes`. `keepBytes` caps what is kept of the body.
 */
export function postJson(
  req: JsonPostRequest,
  keepBytes = req.maxResponseBytes,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return Promise.reject(new WebhookError(`not a URL: ${req.url}`, false));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return Promise.reject(new WebhookError(`unsupported protocol ${url.protocol}`, false));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // IP literals skip the lookup, so they are checked here.
  if (!req.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host))
    return Promise.reject(new WebhookError(`${host} is a private address`, false));
  const options: RequestOptions = {
    method: "POST",
    headers: {
      "user-agent": "Journeylens-Webhooks/1",
      ...req.headers,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(req.body)),
    },
    signal: AbortSignal.timeout(req.timeoutMs),
    // A fresh connection each time: a pooled socket would skip the connect-time address check.
    agent: false,
    ...(!req.allowPrivateAddresses && { lookup: guardedLookup as RequestOptions["lookup"] }),
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, options, (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxResponseBytes) {
          request.destroy(new WebhookError(`answer larger than ${req.maxResponseBytes} bytes`));
          return;
        }
        if (size <= keepBytes) chunks.push(chunk);
      });
      res.on("end", () =>
        resolve({ status, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
      );
      res.on("error", reject);
    });
    request.on("error", (e: Error) =>
      reject(
        e instanceof WebhookError
          ? e
          : new WebhookError(
              e.name === "AbortError" || e.name === "TimeoutError"
                ? `timed out after ${req.timeoutMs} ms`
                : e.message,
            ),
      ),
    );
    request.end(req.body);
  });
}
