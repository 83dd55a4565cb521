import { z } from "zod";
import { cursor, id, name, search, secret, userPrincipalName } from "../../graphql/argument-validation.js";
import { DirectoryRoleName } from "../../graphql/enums.js";

/** Arguments of the directory's fields (users and their directory roles). */
export const usersArgs = {
  "Query.user": z.object({ id }),
  "Query.users": z.object({ first: z.number().int().nullish(), after: cursor.nullish(), search: search.nullish() }),
  "Mutation.createUser": z.object({
    input: z.object({ userPrincipalName, displayName: name.nullish(), password: secret.nullish() }),
  }),
  "Mutation.deleteUser": z.object({ id }),
  "Mutation.assignDirectoryRole": z.object({ userId: id, role: z.enum(DirectoryRoleName) }),
  "Mutation.removeDirectoryRole": z.object({ userId: id, role: z.enum(DirectoryRoleName) }),
};
