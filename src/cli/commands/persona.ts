import type { Command } from "commander";

export function personaCommand(program: Command): void {
  program.command("persona").description("Manage personas");
}
