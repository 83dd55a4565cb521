import { useQuery } from "@apollo/client/react";
import { Spinner, Title1 } from "@fluentui/react-components";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import { SmsPolicyRead } from "../settings/documents.js";
import { SmsPolicyForm } from "../settings/SmsPolicyForm.js";
import { useSettingsStyles } from "../settings/styles.js";

/** Administration: the SMS sign-in policy (API section 6): whether SMS sign-in is on, and for whom. */
export function SmsPolicyPage() {
  const styles = useSettingsStyles();
  // The form is filled once from the server; "Save" answers with what was stored.
  const { data, error } = useQuery(SmsPolicyRead, { fetchPolicy: "network-only" });
  return (
    <div className={styles.page}>
      <Title1 as="h1">SMS sign-in policy</Title1>
      {error && !data && <ErrorText error={toApiError(error)} />}
      {!data && !error && <Spinner label="Loading the policy" />}
      {data && <SmsPolicyForm policy={data.authenticationMethodsPolicy.sms} roles={data.securityRoles} />}
    </div>
  );
}
