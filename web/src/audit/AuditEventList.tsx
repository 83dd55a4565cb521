import { useQuery, useSubscription } from "@apollo/client/react";
import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PageButtons, PageSummary, useCursorPages } from "../components/CursorPages.js";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError } from "../errors.js";
import type { AuditEventFilter } from "../graphql.js";
import { AuditEventItem, type AuditEventRow } from "./AuditEventItem.js";
import { AuditLogEventRecorded, AuditLogEvents } from "./documents.js";

export const PAGE_SIZE = 20;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  summary: { display: "block", margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  paging: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  live: { display: "block", minHeight: "1lh", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * The audit trail matching `filter`, newest first, a page at a time (Relay cursors, like the user
 * list); events recorded while it is open arrive through `auditEventRecorded` and are put on top.
 */
export function AuditEventList({ filter }: { filter: AuditEventFilter }) {
  const styles = useStyles();
  const pages = useCursorPages();
  const { after, page } = pages;
  const { data, error, loading } = useQuery(AuditLogEvents, { variables: { filter, first: PAGE_SIZE, after } });
  // Events recorded since the list was opened, newest first.
  const [arrived, setArrived] = useState<AuditEventRow[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const live = useSubscription(AuditLogEventRecorded, {
    variables: { filter },
    onData: ({ data: { data: next } }) => {
      const event = next?.auditEventRecorded;
      if (!event) return;
      setArrived((shown) => (shown.some((e) => e.id === event.id) ? shown : [event, ...shown]));
      setAnnouncement(`New event: ${event.activity}`);
    },
  });
  const liveError = live.error ? <ErrorText error={toApiError(live.error)} /> : null;
  // The live region stays in the page from the start, so screen readers hear what is put in it.
  const announcer = (
    <Text as="span" className={styles.live} aria-live="polite" aria-atomic="true">
      {announcement}
    </Text>
  );
  if (error && !data)
    return (
      <>
        <ErrorText error={toApiError(error)} />
        {announcer}
      </>
    );
  if (!data)
    return (
      <>
        <Spinner label="Loading the audit log" />
        {announcer}
      </>
    );
  const { edges, pageInfo } = data.auditEvents;
  const fetched = edges.map((edge) => edge.node);
  // New events go on top of the first page only; the others stay as fetched.
  const events = page === 1 ? [...arrived.filter((e) => !fetched.some((f) => f.id === e.id)), ...fetched] : fetched;
  const first = (page - 1) * PAGE_SIZE + 1;

  return (
    <section aria-label="Audit events" aria-busy={loading}>
      <PageSummary pages={pages} className={styles.summary}>
        {fetched.length === 0
          ? events.length === 0
            ? "No events."
            : "No earlier events."
          : `Page ${page}: events ${first} to ${first + fetched.length - 1}, newest first`}
      </PageSummary>
      {announcer}
      {!error && liveError}
      {events.length > 0 && (
        <ul className={styles.list} aria-label="Events">
          {events.map((event) => (
            <AuditEventItem key={event.id} event={event} />
          ))}
        </ul>
      )}
      {error && <ErrorText error={toApiError(error)} />}
      <PageButtons pages={pages} pageInfo={pageInfo} label="Pages of events" className={styles.paging} />
    </section>
  );
}
