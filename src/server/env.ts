import type { AppConfig } from "../core/config.js";
import type { Actor, WorkspaceAccess } from "../core/permissions/index.js";
import type { Stores } from "../core/stores.js";

export interface AppEnv {
  Variables: {
    requestId: string;
    stores: Stores;
    config: AppConfig;
    /** Set by the auth middleware when the request carries valid credentials. */
    actor: Actor | undefined;
    /** The session token, for logout. */
    sessionToken: string | undefined;
    /** Set by `requireWorkspace` on workspace routes. */
    access: WorkspaceAccess;
  };
}
