import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ApiError } from "../errors.js";

/** An error the API answered, announced to screen readers (role="alert"). */
export function ErrorText({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error.message}</MessageBarBody>
    </MessageBar>
  );
}
