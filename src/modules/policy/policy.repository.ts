import type { Prisma } from "../../db/database.js";
import type { Sql } from "../../db/sql.js";

export const SMS_CONFIGURATION_ID = "sms";

export interface StoredTarget {
  targetType: string;
  targetId: string;
  isUsableForSignIn: boolean;
}

/** Storage of the authentication methods policy (one configuration per method). */
const SMS_CONFIGURATION = {
  name: "sms-configuration",
  text: `SELECT c."enabled",
    COALESCE((SELECT json_agg(json_build_object('targetType', t."targetType", 'targetId', t."targetId", 'isUsableForSignIn', t."isUsableForSignIn")
                              ORDER BY t."targetType", t."targetId")
              FROM "AuthenticationMethodTarget" t WHERE t."configurationId" = c."id"), '[]'::json) AS "targets"
  FROM "AuthenticationMethodConfiguration" c WHERE c."id" = $1`,
};

export function createPolicyRepository(prisma: Prisma, sql: Sql) {
  return {
    /** The SMS configuration and its targets, in one statement (read by every request that shows an SMS sign-in state). */
    findSmsConfiguration: async (): Promise<{ enabled: boolean; targets: StoredTarget[] } | null> =>
      (await sql.query<{ enabled: boolean; targets: StoredTarget[] }>(SMS_CONFIGURATION, [SMS_CONFIGURATION_ID]))[0] ?? null,

    replaceSmsConfiguration: (enabled: boolean, targets: StoredTarget[]) =>
      prisma.$transaction([
        prisma.authenticationMethodConfiguration.upsert({
          where: { id: SMS_CONFIGURATION_ID },
          create: { id: SMS_CONFIGURATION_ID, enabled },
          update: { enabled },
        }),
        prisma.authenticationMethodTarget.deleteMany({ where: { configurationId: SMS_CONFIGURATION_ID } }),
        prisma.authenticationMethodTarget.createMany({
          data: targets.map((t) => ({ configurationId: SMS_CONFIGURATION_ID, ...t })),
        }),
      ]),
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;
