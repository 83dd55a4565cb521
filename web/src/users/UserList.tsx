import { useQuery } from "@apollo/client/react";
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { Link } from "react-router";
import { PageButtons, PageSummary, useCursorPages } from "../components/CursorPages.js";
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
  const pages = useCursorPages();
  const { after, page } = pages;
  const { data, error, loading } = useQuery(UsersList, { variables: { first: PAGE_SIZE, after, search: search || null } });

  if (error && !data) return <ErrorText error={toApiError(error)} />;
  if (!data) return <Spinner label="Loading users" />;
  const { edges, pageInfo } = data.users;
  const first = (page - 1) * PAGE_SIZE + 1;

  return (
    <section aria-label="User list" aria-busy={loading}>
      <PageSummary pages={pages} className={styles.summary}>
        {edges.length === 0
          ? search
            ? `No users match "${search}".`
            : "No users."
          : `Page ${page}: users ${first} to ${first + edges.length - 1}${search ? ` matching "${search}"` : ""}`}
      </PageSummary>
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
      <PageButtons pages={pages} pageInfo={pageInfo} label="Pages of users" className={styles.paging} />
    </section>
  );
}
