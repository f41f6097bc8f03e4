import type { Command } from "commander";

/** Placeholder until the feature lands (docs/api/listen.md). */
export function feedbackCommand(_program: Command): void {}
