import type { Command } from "commander";
import { randomToken } from "../../core/ids.js";
import { findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";

export function userCommand(program: Command): void {
  const user = program.command("user").description("Manage accounts");
  user
    .command("create")
    .description("Create an account, optionally adding it to a workspace")
    .requiredOption("--email <email>", "login e-mail")
    .requiredOption("--name <name>", "display name")
    .option("--password <password>", "initial password (8+ characters; generated and printed when omitted)")
    .option("--locale <locale>", "UI language: de or en", "de")
    .option("--workspace <idOrSlug>", "add the account to this workspace")
    .option("--role <role>", "role in that workspace: owner, admin, analyst, agent, viewer", "viewer")
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        locale: string;
        workspace?: string;
        role: string;
      }) => {
        const password = opts.password ?? randomToken(12);
        const result = await withApi(envConfig(), async (call) => {
          const created = await call<{ id: string; email: string }>("POST", "/api/v1/users", {
            email: opts.email,
            name: opts.name,
            password,
            locale: opts.locale,
          });
          if (!opts.workspace) return { created, workspace: undefined };
          const ws = await findWorkspace(call, opts.workspace);
          await call("POST", `/api/v1/workspaces/${ws.id}/members`, {
            email: created.email,
            role: opts.role,
          });
          return { created, workspace: ws };
        });
        console.log(`Created account ${result.created.email} (id ${result.created.id})`);
        if (!opts.password) console.log(`Initial password: ${password}`);
        if (result.workspace) console.log(`Added to workspace ${result.workspace.slug} as ${opts.role}`);
      },
    );
}
