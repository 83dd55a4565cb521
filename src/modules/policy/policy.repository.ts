import type { Prisma } from "../../db/database.js";

export const SMS_CONFIGURATION_ID = "sms";

export interface StoredTarget {
  targetType: string;
  targetId: string;
  isUsableForSignIn: boolean;
}

/** Storage of the authentication methods policy (one configuration per method). */
export function createPolicyRepository(prisma: Prisma) {
  return {
    findSmsConfiguration: () =>
      prisma.authenticationMethodConfiguration.findUnique({
        where: { id: SMS_CONFIGURATION_ID },
        include: { targets: { orderBy: [{ targetType: "asc" }, { targetId: "asc" }] } },
      }),

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
