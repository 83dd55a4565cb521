import { Button, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Relay paging for a list: "Next" follows `pageInfo.endCursor`; the API only pages forward, so
 * "Previous" goes back to the cursor the previous page was fetched with, remembered here.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // Set by "Next" or "Previous": the new page's summary takes the focus (the button may be gone).
  const paged = useRef(false);
  return {
    after: cursors.at(-1) ?? null,
    /** 1 for the first page. */
    page: cursors.length,
    paged,
    previous: () => {
      paged.current = true;
      setCursors((shown) => shown.slice(0, -1));
    },
    next: (cursor: string) => {
      paged.current = true;
      setCursors((shown) => [...shown, cursor]);
    },
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/** What the page shows, announced (role="status") and focused after paging. */
export function PageSummary({ pages, className, children }: { pages: CursorPages; className?: string; children: ReactNode }) {
  const summary = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!pages.paged.current) return;
    pages.paged.current = false;
    summary.current?.focus();
  });
  return (
    <Text as="span" ref={summary} tabIndex={-1} className={className} role="status">
      {children}
    </Text>
  );
}

/** "Previous" and "Next", when there is more than one page. */
export function PageButtons(props: {
  pages: CursorPages;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  label: string;
  className?: string;
}) {
  const { pages, pageInfo } = props;
  if (pages.page === 1 && !pageInfo.hasNextPage) return null;
  const endCursor = pageInfo.endCursor;
  return (
    <nav aria-label={props.label} className={props.className}>
      <Button disabled={pages.page === 1} onClick={pages.previous}>
        Previous
      </Button>
      <Button disabled={!pageInfo.hasNextPage || !endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        Next
      </Button>
    </nav>
  );
}
