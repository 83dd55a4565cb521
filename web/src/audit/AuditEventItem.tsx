import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { AuditLogEventFieldsFragment } from "../graphql.js";

export type AuditEventRow = AuditLogEventFieldsFragment;

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  failure: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  activity: { fontWeight: tokens.fontWeightSemibold },
  facts: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  detail: { fontSize: tokens.fontSizeBase200 },
  json: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
  },
});

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The redacted detail, pretty-printed when it is JSON. */
function pretty(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

function actorInWords({ type, id, displayName }: AuditEventRow["actor"]): string {
  const who = displayName ?? id;
  return who ? `${type}: ${who}` : type;
}

/** One entry of the audit trail: what, when, who, to whom, from where, and the redacted detail. */
export function AuditEventItem({ event }: { event: AuditEventRow }) {
  const styles = useStyles();
  const failed = event.outcome !== "success";
  const facts: [string, string | null][] = [
    ["Actor", actorInWords(event.actor)],
    ["Target user", event.targetUserId],
    ["Target", event.targetId && event.targetId !== event.targetUserId ? event.targetId : null],
    ["Client address", event.clientAddress],
    ["Request id", event.requestId],
  ];
  return (
    <li className={failed ? `${styles.item} ${styles.failure}` : styles.item} aria-label={`${event.activity}, ${event.outcome}`} data-outcome={event.outcome}>
      <div className={styles.head}>
        <span className={styles.activity}>{event.activity}</span>
        <Badge appearance={failed ? "filled" : "tint"} color={failed ? "danger" : "success"}>
          {failed ? "Failure" : "Success"}
        </Badge>
        <time dateTime={event.occurredDateTime}>{when(event.occurredDateTime)}</time>
      </div>
      <dl className={styles.facts}>
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
      </dl>
      {event.detail && (
        <details className={styles.detail}>
          <summary>Detail</summary>
          <pre className={styles.json}>{pretty(event.detail)}</pre>
        </details>
      )}
    </li>
  );
}
