import { useMutation, useQuery } from "@apollo/client/react";
import { Spinner, Text, Title1 } from "@fluentui/react-components";
import { useId } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import type { SecurityRolesListQuery } from "../graphql.js";
import { AuthenticationTypeSwitches } from "../settings/AuthenticationTypeSwitches.js";
import { SecurityRolesList, SecurityRolesSetTypeEnforced } from "../settings/documents.js";
import { RoleMembers } from "../settings/RoleMembers.js";
import { useSettingsStyles } from "../settings/styles.js";

type Role = SecurityRolesListQuery["securityRoles"][number];

/** Administration: each security role's enforced sign-in types and its members. */
export function SecurityRolesPage() {
  const styles = useSettingsStyles();
  const { data, error } = useQuery(SecurityRolesList);
  return (
    <div className={styles.page}>
      <Title1 as="h1">Security roles</Title1>
      {error && !data && <ErrorText error={toApiError(error)} />}
      {!data && !error && <Spinner label="Loading security roles" />}
      {data && data.securityRoles.length === 0 && <Text>No security roles.</Text>}
      {data?.securityRoles.map((role) => <RoleSection key={role.id} role={role} />)}
    </div>
  );
}

function RoleSection({ role }: { role: Role }) {
  const styles = useSettingsStyles();
  const headingId = useId();
  const [setEnforced] = useMutation(SecurityRolesSetTypeEnforced);
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.heading}>
        {role.name}
      </h2>
      <AuthenticationTypeSwitches
        title="Enforced authentication types"
        on={role.enforcedAuthenticationTypes}
        onChange={(type, enforced) => setEnforced({ variables: { securityRoleId: role.id, type, enforced } })}
      />
      <RoleMembers role={role} />
    </section>
  );
}
