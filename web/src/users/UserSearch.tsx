import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useDebounced } from "./useDebounced.js";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: "12rem" },
});

/**
 * The search box of the user list: searches as you type (after a short pause) and at once on
 * Enter or "Search". `onSearch` gets the trimmed text ("" = everyone).
 */
export function UserSearch({ initial, onSearch }: { initial: string; onSearch: (search: string) => void }) {
  const styles = useStyles();
  const [text, setText] = useState(initial);
  const settled = useDebounced(text, 300);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  useEffect(() => latest.current(settled.trim()), [settled]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim());
  }

  return (
    <form role="search" aria-label="Users" className={styles.form} onSubmit={submit}>
      <Field label="Search users" hint="By user name or display name" className={styles.field}>
        <Input type="search" value={text} onChange={(_, d) => setText(d.value)} autoComplete="off" />
      </Field>
      <Button type="submit">Search</Button>
    </form>
  );
}
