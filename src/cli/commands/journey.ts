import type { Command } from "commander";

export function journeyCommand(program: Command): void {
  program.command("journey").description("Manage journeys");
}
