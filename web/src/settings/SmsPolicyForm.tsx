import { useApolloClient, useMutation } from "@apollo/client/react";
import { Button, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useId, useRef, useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import type { AuthenticationMethodState, SmsPolicyReadQuery } from "../graphql.js";
import { SmsPolicyRead, SmsPolicyUpdate, SmsPolicyUser } from "./documents.js";
import { ALL_USERS, isUserId, PolicyTargetRow, type TargetDraft, type TargetError } from "./PolicyTargetRow.js";
import { useSettingsStyles } from "./styles.js";

type Policy = SmsPolicyReadQuery["authenticationMethodsPolicy"]["sms"];

/** `input.includeTargets.2.id` (argument validation) is about the third target's id. */
function targetErrorOf(error: ApiError): { index: number; error: TargetError } | null {
  const match = /(?:^|\.)includeTargets\.(\d+)\.(targetType|id|isUsableForSignIn)$/.exec(error.field ?? "");
  return match ? { index: Number(match[1]), error: { field: match[2] as TargetError["field"], message: error.message } } : null;
}

/** The SMS sign-in policy: its state and include targets, edited together and saved with "Save". */
export function SmsPolicyForm({ policy, roles }: { policy: Policy; roles: SmsPolicyReadQuery["securityRoles"] }) {
  const styles = useSettingsStyles();
  const targetsHeading = useId();
  const client = useApolloClient();
  const nextKey = useRef(0);
  const [state, setState] = useState<AuthenticationMethodState>(policy.state);
  const [targets, setTargets] = useState<TargetDraft[]>(() => policy.includeTargets.map((t) => ({ ...t, key: nextKey.current++ })));
  const [error, setError] = useState<ApiError | null>(null);
  // Kept by target key, so that it stays with its target when another one is removed.
  const [targetError, setTargetError] = useState<{ key: number; error: TargetError } | null>(null);
  const [status, setStatus] = useState("");
  const [resolving, setResolving] = useState(false);
  const [update, { loading }] = useMutation(SmsPolicyUpdate, { refetchQueries: [SmsPolicyRead], awaitRefetchQueries: true });

  // "Saved." stands until the form differs from what was saved.
  const edit = (next: (all: TargetDraft[]) => TargetDraft[]) => {
    setStatus("");
    setTargets(next);
  };
  const change = (key: number, patch: Partial<TargetDraft>) => edit((all) => all.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  const fail = (caught: ApiError) => {
    const onTarget = targetErrorOf(caught);
    const key = onTarget ? targets[onTarget.index]?.key : undefined;
    setTargetError(onTarget && key !== undefined ? { key, error: onTarget.error } : null);
    setError(key !== undefined ? null : caught);
  };

  /** User targets named by user name become user ids (the API stores ids). */
  async function resolveUsers(): Promise<{ targetType: TargetDraft["targetType"]; id: string; isUsableForSignIn: boolean }[] | null> {
    const resolved = [];
    for (const t of targets) {
      let id = t.id.trim();
      if (t.targetType === "user" && id !== "" && !isUserId(id)) {
        try {
          const { data } = await client.query({ query: SmsPolicyUser, variables: { id }, fetchPolicy: "network-only" });
          if (!data?.user) throw new Error(`No user is named ${id}`);
          id = data.user.id;
        } catch (caught) {
          setTargetError({ key: t.key, error: { field: "id", message: toApiError(caught).message } });
          return null;
        }
      }
      resolved.push({ targetType: t.targetType, id, isUsableForSignIn: t.isUsableForSignIn });
    }
    return resolved;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setTargetError(null);
    setStatus("");
    setResolving(true);
    const submitted = targets.map((t) => t.key);
    const includeTargets = await resolveUsers().finally(() => setResolving(false));
    if (!includeTargets) return;
    try {
      await update({ variables: { input: { state, includeTargets } } });
      // The rows stay in the order they were edited in (the API answers in its own), user names now ids.
      const savedIds = new Map(submitted.map((key, index) => [key, includeTargets[index]!.id]));
      setTargets((all) => all.map((t) => ({ ...t, id: savedIds.get(t.key) ?? t.id })));
      setStatus("Saved.");
    } catch (caught) {
      fail(toApiError(caught));
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <ErrorText error={error} />
      <Field label="State">
        <RadioGroup value={state} onChange={(_, d) => {
            setStatus("");
            setState(d.value as AuthenticationMethodState);
          }} layout="horizontal">
          <Radio value="enabled" label="Enabled" />
          <Radio value="disabled" label="Disabled" />
        </RadioGroup>
      </Field>
      <div role="group" aria-labelledby={targetsHeading} className={styles.form}>
        <h2 id={targetsHeading} className={styles.subheading}>
          Include targets
        </h2>
        <Text className={styles.detail}>Who may use SMS sign-in: everyone ("All users"), the members of a security role, or one user.</Text>
        {targets.length === 0 && <Text>No targets: nobody may use SMS sign-in.</Text>}
        {targets.map((target, index) => (
          <PolicyTargetRow
            key={target.key}
            index={index}
            target={target}
            roles={roles}
            error={targetError?.key === target.key ? targetError.error : undefined}
            onChange={(patch) => change(target.key, patch)}
            onRemove={() => edit((all) => all.filter((t) => t.key !== target.key))}
          />
        ))}
        <div className={styles.actions}>
          <Button
            onClick={() => edit((all) => [...all, { key: nextKey.current++, targetType: "group", id: all.some((t) => t.id === ALL_USERS) ? "" : ALL_USERS, isUsableForSignIn: true }])}
          >
            Add target
          </Button>
        </div>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={loading || resolving}>
          Save
        </Button>
        <Text role="status">{status}</Text>
      </div>
    </form>
  );
}
