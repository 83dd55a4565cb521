import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/database.js";
import type { DirectoryRoleName } from "../generated/prisma/enums.js";
import type { PasswordHasher } from "../lib/password-hasher.js";
import { generateStrongPassword } from "../lib/password-policy.js";

export const DEMO_IDENTITY_STORE = "wingtiptoysonline.com";
/** +1 (North America) and +44 (UK); a store created elsewhere allows every country. */
export const DEMO_SMS_COUNTRY_CALLING_CODES = ["1", "44"];

const DEMO_USERS: { userPrincipalName: string; displayName: string; role?: DirectoryRoleName }[] = [
  { userPrincipalName: "avery.howard@wingtiptoysonline.com", displayName: "Avery Howard" },
  { userPrincipalName: "admin@wingtiptoysonline.com", displayName: "Directory Admin", role: "GLOBAL_ADMINISTRATOR" },
  { userPrincipalName: "authadmin@wingtiptoysonline.com", displayName: "Auth Admin", role: "AUTHENTICATION_ADMINISTRATOR" },
  { userPrincipalName: "privadmin@wingtiptoysonline.com", displayName: "Privileged Auth Admin", role: "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR" },
];

const DEMO_SECURITY_ROLES = ["Helpdesk", "Users"];

export interface SeedResult {
  created: boolean;
  /** Generated passwords, to be shown once to whoever ran the seed; never stored in clear. */
  passwords: Record<string, string>;
}

export interface DemoCredentials {
  passwords: Record<string, string>;
  users: ((typeof DEMO_USERS)[number] & { id: string; passwordHash: string })[];
}

/** New passwords for the demo users, hashed (slow on purpose: a fresh start hashes them while the database starts). */
export async function createDemoCredentials(hasher: PasswordHasher): Promise<DemoCredentials> {
  const passwords: Record<string, string> = {};
  const users = await Promise.all(
    DEMO_USERS.map(async (u) => {
      const password = generateStrongPassword();
      passwords[u.userPrincipalName] = password;
      return { ...u, id: randomUUID(), passwordHash: await hasher.hash(password) };
    }),
  );
  return { passwords, users };
}

/** Seeds the demo directory of the spec (section 2); does nothing when it is already there. */
export async function seedDemoDirectory(prisma: Prisma, hasher: PasswordHasher, prepared?: Promise<DemoCredentials>): Promise<SeedResult> {
  const exists = await prisma.identityStore.findUnique({ where: { id: DEMO_IDENTITY_STORE } });
  if (exists) return { created: false, passwords: {} };

  const { passwords, users } = await (prepared ?? createDemoCredentials(hasher));
  const now = new Date();
  const created = await prisma.$transaction(async (tx) => {
    // Two servers starting on a new database seed it once: the second waits here, then finds it done.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('authgate.seed-demo-directory'))`;
    if (await tx.identityStore.findUnique({ where: { id: DEMO_IDENTITY_STORE } })) return false;
    const gateway = (await tx.smsGatewayAccount.findFirst({ where: { isDefault: true } })) ??
      (await tx.smsGatewayAccount.create({ data: { id: randomUUID(), name: "Development console", provider: "console", isDefault: true } }));
    await tx.identityStore.create({
      data: {
        id: DEMO_IDENTITY_STORE,
        name: DEMO_IDENTITY_STORE,
        passwordEnabled: true,
        smsEnabled: true,
        smsGatewayAccountId: gateway.id,
        smsMessageTemplate: "Your verification code is [Code]",
        // The demo company texts the US, Canada and the UK only (SMS pumping defence).
        smsAllowedCountryCallingCodes: DEMO_SMS_COUNTRY_CALLING_CODES,
      },
    });
    // Security roles for directory settings (section 8): none enforces a type until an admin says so.
    await tx.securityRole.createMany({
      data: DEMO_SECURITY_ROLES.map((name) => ({ id: randomUUID(), name })),
      skipDuplicates: true,
    });
    await tx.authenticationMethodConfiguration.upsert({
      where: { id: "sms" },
      create: { id: "sms", enabled: true, targets: { create: [{ targetType: "group", targetId: "all_users", isUsableForSignIn: true }] } },
      update: {},
    });
    for (const u of users) {
      await tx.user.upsert({
        where: { userPrincipalName: u.userPrincipalName },
        create: {
          id: u.id,
          userPrincipalName: u.userPrincipalName,
          displayName: u.displayName,
          passwordHash: u.passwordHash,
          passwordChangedAt: now,
          ...(u.role ? { directoryRoles: { create: [{ role: u.role }] } } : {}),
        },
        update: {},
      });
    }
    return true;
  });
  return created ? { created: true, passwords } : { created: false, passwords: {} };
}
