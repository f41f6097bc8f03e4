#!/usr/bin/env node
// Adds lockfile entries for platform-specific optional dependencies that the package registry
// reachable here does not serve (e.g. @biomejs/cli-darwin-arm64). Without them `npm ci` refuses the
// lockfile as out of sync. The entries carry os/cpu/libc from the package name, so npm skips them on
// other platforms and fetches them by name and version where they apply. Run after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

const OS = [
  "darwin",
  "linux",
  "win32",
  "android",
  "freebsd",
  "openbsd",
  "netbsd",
  "sunos",
  "aix",
  "openharmony",
];
const CPU = ["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el"];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  const libc = tokens.includes("musl") ? "musl" : tokens.includes("gnu") ? "glibc" : undefined;
  return os && cpu ? { os, cpu, libc } : undefined;
}

let added = 0;
for (const [key, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const where = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[where] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) {
      console.warn(`left out ${dep}@${version}: not a recognisable platform package with an exact version`);
      continue;
    }
    packages[`node_modules/${dep}`] = {
      version,
      cpu: [platform.cpu],
      ...(meta.dev && { dev: true }),
      ...(platform.libc && { libc: [platform.libc] }),
      optional: true,
      os: [platform.os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform-specific optional entries`);
