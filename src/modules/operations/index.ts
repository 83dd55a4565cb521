import type { Prisma } from "../../db/database.js";
import type { EventBus } from "../../events/event-bus.js";
import type { Clock } from "../../lib/clock.js";
import type { UsersService } from "../users/users.service.js";
import { operationsArgs } from "./operations.args.js";
import { createOperationsRepository } from "./operations.repository.js";
import { OperationsResolver } from "./operations.resolver.js";
import { createOperationsService } from "./operations.service.js";

/** Long-running operations (password resets): their queue, their status, and following it live. */
export const operationsFeature = {
  resolvers: [OperationsResolver],
  argumentSchemas: operationsArgs,
  create(deps: { prisma: Prisma; users: UsersService; events: EventBus; clock: Clock }) {
    return { operations: createOperationsService({ repo: createOperationsRepository(deps.prisma), users: deps.users, events: deps.events, clock: deps.clock }) };
  },
};
