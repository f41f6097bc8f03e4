import type { Command } from "commander";

/** Placeholder until the feature lands (docs/api/listen.md). */
export function surveyCommand(_program: Command): void {}
