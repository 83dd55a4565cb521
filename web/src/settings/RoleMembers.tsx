import { useMutation } from "@apollo/client/react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useId, useRef, useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import type { SecurityRolesListQuery } from "../graphql.js";
import { SecurityRolesAddMember, SecurityRolesRemoveMember } from "./documents.js";
import { useSettingsStyles } from "./styles.js";

type Role = SecurityRolesListQuery["securityRoles"][number];

/** A security role's members, each with "Remove", and "Add member" by user name (or id). */
export function RoleMembers({ role }: { role: Role }) {
  const styles = useSettingsStyles();
  const headingId = useId();
  const [userName, setUserName] = useState("");
  // A removed member's button goes away with them: focus moves to "Add member" rather than to nowhere.
  const addField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState("");
  const [add, { loading: adding }] = useMutation(SecurityRolesAddMember);
  const [remove, { loading: removing }] = useMutation(SecurityRolesRemoveMember);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus("");
    try {
      await action();
      setStatus(done);
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const userId = userName.trim();
    if (!userId) return setError({ message: "Enter a user name", field: "userId" });
    if (await run(() => add({ variables: { securityRoleId: role.id, userId } }), `Added ${userId} to ${role.name}.`)) setUserName("");
  }

  return (
    <div role="group" aria-labelledby={headingId} className={styles.form}>
      <h3 id={headingId} className={styles.subheading}>
        Members
      </h3>
      {role.members.length === 0 ? (
        <Text>No members.</Text>
      ) : (
        <ul className={styles.list} aria-label={`Members of ${role.name}`}>
          {role.members.map((member) => (
            <li key={member.id} className={styles.item}>
              <div>
                <Text weight="semibold">{member.displayName ?? member.userPrincipalName}</Text>
                <div className={styles.detail}>{member.userPrincipalName}</div>
              </div>
              <Button
                aria-label={`Remove ${member.userPrincipalName}`}
                onClick={async () => {
                  if (removing) return;
                  if (await run(() => remove({ variables: { securityRoleId: role.id, userId: member.id } }), `Removed ${member.userPrincipalName} from ${role.name}.`)) {
                    addField.current?.focus();
                  }
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.row} onSubmit={submit} noValidate>
        <Field label="Add member" hint="A user name, e.g. someone@wingtiptoysonline.com" className={styles.grow}>
          <Input ref={addField} value={userName} onChange={(_, d) => setUserName(d.value)} autoComplete="off" />
        </Field>
        <Button type="submit" disabled={adding}>
          Add
        </Button>
      </form>
      <ErrorText error={error} />
      <Text role="status">{status}</Text>
    </div>
  );
}
