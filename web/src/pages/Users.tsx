import { makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useSearchParams } from "react-router";
import { UserList } from "../users/UserList.js";
import { UserSearch } from "../users/UserSearch.js";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Administration: the directory, searchable, a page at a time; each row opens the user's page. */
export function UsersPage() {
  const styles = useStyles();
  // The search lives in the address (?search=...), so Back from a user's page finds it again.
  const [params, setParams] = useSearchParams();
  const search = params.get("search")?.trim() ?? "";
  const onSearch = (next: string) => {
    if (next !== search) setParams(next ? { search: next } : {}, { replace: true });
  };
  return (
    <div className={styles.page}>
      <Title1 as="h1">Users</Title1>
      <UserSearch initial={search} onSearch={onSearch} />
      <UserList key={search} search={search} />
    </div>
  );
}
