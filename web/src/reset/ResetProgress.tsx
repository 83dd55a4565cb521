import { useSubscription } from "@apollo/client/react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { toApiError, type ApiError } from "../errors.js";
import { graphql, type LongRunningOperationStatus } from "../graphql.js";
import { isFinished, outcomeInWords, STATUS_WORDS } from "./status.js";

const OperationStatusChanged = graphql(`
  subscription ResetOperationStatusChanged($operationId: ID!) {
    operationStatusChanged(operationId: $operationId) {
      id
      status
      statusDetail
      lastActionDateTime
    }
  }
`);

/** One state of the operation, as it arrived. */
export interface OperationState {
  id: string;
  status: LongRunningOperationStatus;
  statusDetail?: string | null;
  lastActionDateTime: string;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere" },
  raw: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalS },
  time: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  outcome: { marginTop: tokens.spacingVerticalS },
});

const time = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
};

/**
 * The live progress of one reset: starts from the state the mutation answered, then lists every
 * status `operationStatusChanged` pushes (its first event is the current state; it completes
 * after succeeded or failed). A state equal to the last one shown is not listed twice.
 */
export function ResetProgress({ started, onFinished }: { started: OperationState; onFinished?: (state: OperationState) => void }) {
  const styles = useStyles();
  const [states, setStates] = useState<OperationState[]>([started]);
  const [error, setError] = useState<ApiError | null>(null);
  const last = states.at(-1)!;
  const done = isFinished(last.status);

  useSubscription(OperationStatusChanged, {
    variables: { operationId: started.id },
    skip: isFinished(started.status),
    onData: ({ data }) => {
      const next = data.data?.operationStatusChanged;
      if (!next) return;
      setStates((shown) => {
        const previous = shown.at(-1)!;
        if (previous.status === next.status && previous.statusDetail === next.statusDetail) return shown;
        // Statuses only move forward: a late duplicate of an earlier state is not news.
        if (isFinished(previous.status)) return shown;
        return [...shown, next];
      });
      if (isFinished(next.status)) onFinished?.(next);
    },
    onError: (caught) => setError(toApiError(caught)),
  });

  const outcome = outcomeInWords(last.status, last.statusDetail);
  return (
    <div>
      <div role="status" aria-live="polite" aria-atomic="false" aria-label="Password reset progress" aria-busy={!done}>
        <ol className={styles.list}>
          {states.map((state) => (
            <li key={`${state.status}-${state.statusDetail ?? ""}`} className={styles.item} data-status={state.status}>
              <Text weight="semibold">
                {STATUS_WORDS[state.status]}
                {state.statusDetail ? `: ${state.statusDetail}` : ""}
              </Text>
              <code className={styles.raw}>{state.status}</code>
              <time className={styles.time} dateTime={state.lastActionDateTime}>
                {time(state.lastActionDateTime)}
              </time>
            </li>
          ))}
        </ol>
        {outcome && <p className={styles.outcome}>{outcome}</p>}
      </div>
      <ErrorText error={error} />
    </div>
  );
}
