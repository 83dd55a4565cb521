import type { Prisma } from "../../db/database.js";
import type { SmsDelivery } from "../../generated/prisma/client.js";

export type SmsDeliveryRecord = SmsDelivery;

/** Storage of queued SMS; claiming is atomic so that the workers of several processes share the queue. */
export function createSmsDeliveriesRepository(prisma: Prisma) {
  const whileHeld = (id: string, workerId: string) => ({ id, claimedBy: workerId, status: "sending" as const });

  return {
    /**
     * Claims the delivery due first that nobody holds (never claimed, handed back, or its
     * worker's lease ran out), counting the attempt. SKIP LOCKED keeps concurrent workers apart;
     * the lease keeps a claimed delivery from being claimed again while it is being sent.
     */
    async claimNextDelivery(workerId: string, now: Date, leaseUntil: Date): Promise<SmsDeliveryRecord | null> {
      const rows = await prisma.$queryRaw<SmsDeliveryRecord[]>`
        UPDATE "SmsDelivery"
        SET "status" = 'sending', "claimedBy" = ${workerId}, "claimedUntil" = ${leaseUntil}::timestamptz(3),
            "attempts" = "attempts" + 1, "lastAttemptAt" = ${now}::timestamptz(3)
        WHERE "id" = (
          SELECT "id" FROM "SmsDelivery"
          WHERE "status" IN ('queued', 'sending')
            AND "nextAttemptAt" <= ${now}::timestamptz(3)
            AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now}::timestamptz(3))
          ORDER BY "nextAttemptAt"
          FOR UPDATE SKIP LOCKED
          LIMIT 1
        )
        RETURNING "id", "purpose"::text AS "purpose", "challengeId", "maskedPhoneNumber", "sealedMessage", "status"::text AS "status",
          "failureKind", "attempts", "nextAttemptAt", "expiresAt", "claimedBy", "claimedUntil", "lastAttemptAt", "createdAt"`;
      return rows[0] ?? null;
    },

    async extendLease(id: string, workerId: string, leaseUntil: Date): Promise<void> {
      await prisma.smsDelivery.updateMany({ where: whileHeld(id, workerId), data: { claimedUntil: leaseUntil } });
    },

    /** Handed to the gateway: the sealed message goes. */
    async markDelivered(id: string, workerId: string): Promise<boolean> {
      const { count } = await prisma.smsDelivery.updateMany({
        where: whileHeld(id, workerId),
        data: { status: "delivered", failureKind: null, sealedMessage: null, claimedUntil: null },
      });
      return count === 1;
    },

    /** Given up: the sealed message goes. */
    async markFailed(id: string, workerId: string, failureKind: string): Promise<boolean> {
      const { count } = await prisma.smsDelivery.updateMany({
        where: whileHeld(id, workerId),
        data: { status: "failed", failureKind, sealedMessage: null, claimedUntil: null },
      });
      return count === 1;
    },

    /** Back in the queue until `nextAttemptAt`, with the failure that sent it back. */
    async scheduleRetry(id: string, workerId: string, failureKind: string, nextAttemptAt: Date): Promise<boolean> {
      const { count } = await prisma.smsDelivery.updateMany({
        where: whileHeld(id, workerId),
        data: { status: "queued", failureKind, nextAttemptAt, claimedBy: null, claimedUntil: null },
      });
      return count === 1;
    },

    /** Nothing to send (the number is no one's, or a newer code replaced this one): no trace is kept. */
    async deleteDelivery(id: string, workerId: string): Promise<void> {
      await prisma.smsDelivery.deleteMany({ where: whileHeld(id, workerId) });
    },

    /** Hands a delivery back (stopping): the next worker sends it without waiting for the lease. */
    async releaseClaim(id: string, workerId: string): Promise<void> {
      await prisma.smsDelivery.updateMany({ where: whileHeld(id, workerId), data: { status: "queued", claimedBy: null, claimedUntil: null } });
    },

    findRecentDeliveries: (first: number) => prisma.smsDelivery.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: first }),

    /** Deliveries created before `before` are history nobody needs: removes them. */
    async deleteDeliveriesCreatedBefore(before: Date): Promise<number> {
      return (await prisma.smsDelivery.deleteMany({ where: { createdAt: { lt: before } } })).count;
    },
  };
}

export type SmsDeliveriesRepository = ReturnType<typeof createSmsDeliveriesRepository>;
