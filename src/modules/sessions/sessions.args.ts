import { z } from "zod";
import { secret } from "../../graphql/argument-validation.js";

/** Arguments of the session mutations (signOut takes none). */
export const sessionsArgs = {
  "Mutation.refreshAccessToken": z.object({ refreshToken: secret }),
  "Mutation.changeMyPassword": z.object({ currentPassword: secret, newPassword: secret }),
};
