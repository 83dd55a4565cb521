import { useQuery } from "@apollo/client/react";
import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import { graphql } from "../graphql.js";
import { rolesInWords } from "./roles.js";

export const PAGE_SIZE = 20;

const UsersList = graphql(`
  query UsersList($first: Int!, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          userPrincipalName
          displayName
          directoryRoles
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  name: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  summary: { display: "block", margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  paging: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

/**
 * One page of the directory at a time (Relay cursors): "Next" follows `pageInfo.endCursor`;
 * "Previous" goes back to the cursor the current page was fetched after (the API pages forward only).
 */
export function UserList({ search }: { search: string }) {
  const styles = useStyles();
  // The `after` cursor of every page shown so far: the last one is the current page's.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const page = cursors.length;
  const { data, error, loading } = useQuery(UsersList, { variables: { first: PAGE_SIZE, after, search: search || null } });
  const summary = useRef<HTMLSpanElement>(null);
  const paged = useRef(false);
  useEffect(() => {
    // After "Next" or "Previous", focus moves to the new page's summary (the button may have gone away).
    if (paged.current && data) {
      paged.current = false;
      summary.current?.focus();
    }
  }, [data]);

  const go = (next: (string | null)[]) => {
    paged.current = true;
    setCursors(next);
  };

  if (error && !data) return <ErrorText error={toApiError(error)} />;
  if (!data) return <Spinner label="Loading users" />;
  const { edges, pageInfo } = data.users;
  const first = (page - 1) * PAGE_SIZE + 1;

  return (
    <section aria-label="User list" aria-busy={loading}>
      <Text as="span" ref={summary} tabIndex={-1} className={styles.summary} role="status">
        {edges.length === 0
          ? search
            ? `No users match "${search}".`
            : "No users."
          : `Page ${page}: users ${first} to ${first + edges.length - 1}${search ? ` matching "${search}"` : ""}`}
      </Text>
      {edges.length > 0 && (
        <ul className={styles.list} aria-label="Users">
          {edges.map(({ node }) => (
            <li key={node.id}>
              <Link to={`/users/${encodeURIComponent(node.id)}`} className={styles.row}>
                <span className={styles.name}>{node.displayName ?? node.userPrincipalName}</span>
                <span className={styles.detail}>{node.userPrincipalName}</span>
                <span className={styles.detail}>{rolesInWords(node.directoryRoles)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorText error={toApiError(error)} />}
      {(page > 1 || pageInfo.hasNextPage) && (
        <nav aria-label="Pages of users" className={styles.paging}>
          <Button disabled={page === 1} onClick={() => go(cursors.slice(0, -1))}>
            Previous
          </Button>
          <Button disabled={!pageInfo.hasNextPage || !pageInfo.endCursor} onClick={() => go([...cursors, pageInfo.endCursor])}>
            Next
          </Button>
        </nav>
      )}
    </section>
  );
}
