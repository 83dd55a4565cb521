import { parseArgs } from "node:util";
import { createCore } from "../composition/core.js";
import { loadConfig } from "../config/config.js";
import { DEFAULT_USER_SCOPES } from "../auth/scopes.js";

const usage = `Usage: npm run token -- --user UPN [--scopes "A B"] [--roles "R1,R2"] [--ttl SECONDS]
       npm run token -- --app [--user APP_NAME] --roles "Permission1,Permission2"`;

const { values } = parseArgs({
  options: {
    user: { type: "string" },
    scopes: { type: "string" },
    roles: { type: "string" },
    app: { type: "boolean", default: false },
    ttl: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help || (!values.app && !values.user)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
if (!values.app && values.roles) {
  console.error("Note: --roles is written into the token, but the server takes a user's directory roles from the directory, never from a token.");
}

const list = (value: string | undefined, separator: RegExp) => (value ?? "").split(separator).map((s) => s.trim()).filter(Boolean);
const ttlSeconds = values.ttl ? Number(values.ttl) : undefined;
const core = await createCore(loadConfig({ ...process.env, LOG_LEVEL: "error" }));
try {
  if (values.app) {
    const { token } = await core.tokens.issue({ subject: values.user ?? "authgate-cli-app", app: true, roles: list(values.roles, /[,\s]+/), ttlSeconds });
    console.log(token);
  } else {
    const user = await core.database.prisma.user.findUnique({ where: { userPrincipalName: values.user!.toLowerCase() } });
    if (!user) {
      console.error(`No user ${values.user} in this directory.`);
      process.exitCode = 1;
    } else {
      const scopes = values.scopes ? list(values.scopes, /[\s,]+/) : DEFAULT_USER_SCOPES;
      const { token } = await core.tokens.issue({ subject: user.id, scopes, roles: values.roles ? list(values.roles, /,\s*/) : undefined, ttlSeconds });
      console.log(token);
    }
  }
} finally {
  await core.database.close();
}
