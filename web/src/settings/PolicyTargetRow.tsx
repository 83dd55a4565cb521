import { useQuery } from "@apollo/client/react";
import { Button, Field, Input, Select, Switch } from "@fluentui/react-components";
import type { AuthenticationMethodTargetType } from "../graphql.js";
import { SmsPolicyUser } from "./documents.js";
import { useSettingsStyles } from "./styles.js";

export const ALL_USERS = "all_users";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUserId = (value: string) => UUID.test(value.trim());

/** One include target as edited: for a user, `id` may be a user name until it is saved. */
export interface TargetDraft {
  key: number;
  targetType: AuthenticationMethodTargetType;
  id: string;
  isUsableForSignIn: boolean;
}

/** An error about one part of one target. */
export interface TargetError {
  field: "targetType" | "id" | "isUsableForSignIn";
  message: string;
}

/** One include target: a group ("All users" or a security role) or a user (by user name or id). */
export function PolicyTargetRow(props: {
  index: number;
  target: TargetDraft;
  roles: readonly { id: string; name: string }[];
  error?: TargetError;
  onChange: (change: Partial<TargetDraft>) => void;
  onRemove: () => void;
}) {
  const { index, target, roles, error, onChange, onRemove } = props;
  const styles = useSettingsStyles();
  const fieldError = (field: TargetError["field"]) => (error?.field === field ? { validationMessage: error.message, validationState: "error" as const } : {});
  const known = target.id === ALL_USERS || target.id === "" || roles.some((r) => r.id === target.id);
  // A saved user target holds an id: say whose it is.
  const { data } = useQuery(SmsPolicyUser, { variables: { id: target.id.trim() }, skip: target.targetType !== "user" || !isUserId(target.id) });
  const who = data?.user ? `${data.user.displayName ?? data.user.userPrincipalName} (${data.user.userPrincipalName})` : undefined;

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{`Target ${index + 1}`}</legend>
      <div className={styles.row}>
        <Field label="Target type" className={styles.grow} {...fieldError("targetType")}>
          <Select
            className={styles.fill}
            value={target.targetType}
            onChange={(_, d) => onChange({ targetType: d.value as AuthenticationMethodTargetType, id: d.value === "group" ? ALL_USERS : "" })}
          >
            <option value="group">Group</option>
            <option value="user">User</option>
          </Select>
        </Field>
        {target.targetType === "group" ? (
          <Field label="Group" className={styles.grow} {...fieldError("id")}>
            <Select className={styles.fill} value={target.id} onChange={(_, d) => onChange({ id: d.value })}>
              {target.id === "" && <option value="">Choose a group</option>}
              <option value={ALL_USERS}>All users</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {`Security role: ${role.name}`}
                </option>
              ))}
              {!known && <option value={target.id}>{target.id}</option>}
            </Select>
          </Field>
        ) : (
          <Field label="User" hint={who ?? "A user name or user id"} className={styles.grow} {...fieldError("id")}>
            <Input value={target.id} onChange={(_, d) => onChange({ id: d.value })} autoComplete="off" spellCheck={false} />
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Switch label="Usable for sign-in" checked={target.isUsableForSignIn} onChange={(_, d) => onChange({ isUsableForSignIn: d.checked })} />
        <Button onClick={onRemove} aria-label={`Remove target ${index + 1}`}>
          Remove target
        </Button>
      </div>
    </fieldset>
  );
}
