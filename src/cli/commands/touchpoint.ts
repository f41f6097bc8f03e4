import type { Command } from "commander";

export function touchpointCommand(program: Command): void {
  program.command("touchpoint").description("Manage touchpoints");
}
