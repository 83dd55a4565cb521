import { makeStyles, Title1, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { AuditEventList } from "../audit/AuditEventList.js";
import { AuditFilters, type AuditFilterText } from "../audit/AuditFilters.js";
import type { AuditEventFilter } from "../graphql.js";

const NO_FILTER: AuditFilterText = { activity: "", user: "" };

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** Administration (Global Administrators): the audit trail, filtered, a page at a time, live. */
export function AuditLogPage() {
  const styles = useStyles();
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const apply = (next: AuditFilterText, targetUserId: string | null) =>
    setFilter({ ...(next.activity ? { activity: next.activity } : {}), ...(targetUserId ? { targetUserId } : {}) });
  return (
    <div className={styles.page}>
      <Title1 as="h1">Audit log</Title1>
      <AuditFilters initial={NO_FILTER} onApply={apply} />
      {/* A new filter starts over: first page, no live events from the old one. */}
      <AuditEventList key={JSON.stringify(filter)} filter={filter} />
    </div>
  );
}
