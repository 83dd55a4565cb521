import { createCore } from "../composition/core.js";
import { loadConfig } from "../config/config.js";
import { seedDemoDirectory } from "../seed/demo-directory.js";

const core = await createCore(loadConfig());
try {
  const result = await seedDemoDirectory(core.database.prisma, core.hasher);
  if (!result.created) {
    console.log("The demo directory is already there: nothing to do.");
  } else {
    console.log("Seeded the demo directory. These passwords are shown once and stored only as hashes:");
    for (const [upn, password] of Object.entries(result.passwords)) console.log(`  ${upn}  ${password}`);
  }
} finally {
  await core.database.close();
}
