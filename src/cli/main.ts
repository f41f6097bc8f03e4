import { Command, CommanderError } from "commander";
import { isAppError } from "../core/errors.js";
import { CliError } from "./api.js";
import { apikeyCommand } from "./commands/apikey.js";
import { eventsCommand } from "./commands/events.js";
import { feedbackCommand } from "./commands/feedback.js";
import { journeyCommand } from "./commands/journey.js";
import { migrateCommand } from "./commands/migrate.js";
import { personaCommand } from "./commands/persona.js";
import { serveCommand } from "./commands/serve.js";
import { surveyCommand } from "./commands/survey.js";
import { textCommand } from "./commands/text.js";
import { touchpointCommand } from "./commands/touchpoint.js";
import { userCommand } from "./commands/user.js";
import { workspaceCommand } from "./commands/workspace.js";

const program = new Command()
  .name("journeylens")
  .description(
    "Journeylens: customer experience management.\nEnvironment: JOURNEYLENS_DATA (data directory, default ./.journeylens), DATABASE_URL, CLICKHOUSE_URL, PORT, HOST.",
  )
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

for (const register of [
  serveCommand,
  migrateCommand,
  userCommand,
  apikeyCommand,
  workspaceCommand,
  journeyCommand,
  touchpointCommand,
  personaCommand,
  surveyCommand,
  feedbackCommand,
  textCommand,
  eventsCommand,
])
  register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  const message = e instanceof CliError || isAppError(e) || e instanceof Error ? e.message : String(e);
  console.error(`Error: ${message}`);
  process.exit(1);
}
