import { useQuery } from "@apollo/client/react";
import { makeStyles, Spinner, Text, Title1, Title3, tokens } from "@fluentui/react-components";
import { Link, useParams } from "react-router";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import { graphql } from "../graphql.js";
import { AuthenticationMethods } from "../methods/AuthenticationMethods.js";
import { ResetPassword } from "../reset/ResetPassword.js";
import { rolesInWords } from "../users/roles.js";

const UserPageUser = graphql(`
  query UserPageUser($id: ID!) {
    user(id: $id) {
      id
      userPrincipalName
      displayName
      directoryRoles
    }
  }
`);

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, overflowWrap: "anywhere" },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  detail: { color: tokens.colorNeutralForeground2 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  back: { color: tokens.colorBrandForegroundLink, alignSelf: "flex-start" },
});

function BackToUsers() {
  const styles = useStyles();
  return (
    <Link to="/users" className={styles.back}>
      All users
    </Link>
  );
}

/** Administration: one user, by id or user name: their roles, their methods, and "Reset password". */
export function UserPage() {
  const styles = useStyles();
  const userId = useParams().userId ?? "";
  const { data, error } = useQuery(UserPageUser, { variables: { id: userId } });
  const user = data?.user;

  if (error && !user) {
    const apiError = toApiError(error);
    const notFound = apiError.code === "NOT_FOUND";
    return (
      <div className={styles.page}>
        <BackToUsers />
        <Title1 as="h1">{notFound ? "User not found" : "User"}</Title1>
        <ErrorText error={notFound ? { ...apiError, message: `There is no user "${userId}" in the directory.` } : apiError} />
      </div>
    );
  }
  if (!user) return <Spinner label="Loading the user" />;

  return (
    <div className={styles.page}>
      <BackToUsers />
      <header className={styles.header}>
        <Title1 as="h1">{user.displayName ?? user.userPrincipalName}</Title1>
        <Text className={styles.detail}>{user.userPrincipalName}</Text>
        <Text className={styles.detail}>Directory roles: {rolesInWords(user.directoryRoles)}</Text>
      </header>
      <section className={styles.section} aria-label="Authentication methods">
        <Title3 as="h2">Authentication methods</Title3>
        <AuthenticationMethods userId={user.id} />
      </section>
      <ResetPassword userId={user.id} />
    </div>
  );
}
