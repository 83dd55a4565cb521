/**
 * GraphiQL's editor tabs are `role="tab"` list items holding buttons (the tab's own button and
 * its close button): interactive controls nested in an interactive control, which screen
 * readers can't announce properly (axe: nested-interactive). This keeps them a plain list of
 * buttons, the active one marked `aria-current`, for as long as GraphiQL re-renders them.
 */
export function keepEditorTabsAccessible(root: HTMLElement): void {
  const fix = () => {
    for (const list of root.querySelectorAll<HTMLElement>('[role="tablist"]')) list.setAttribute("role", "list");
    for (const tab of root.querySelectorAll<HTMLElement>('li[role="tab"], li[aria-selected]')) {
      const active = tab.getAttribute("aria-selected") === "true" || tab.classList.contains("graphiql-tab-active");
      tab.removeAttribute("role");
      tab.removeAttribute("aria-selected");
      const button = tab.querySelector("button");
      if (button) {
        if (active) button.setAttribute("aria-current", "true");
        else button.removeAttribute("aria-current");
      }
    }
  };
  new MutationObserver(fix).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["role", "aria-selected", "class"] });
  fix();
}
