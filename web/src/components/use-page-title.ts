import { useEffect } from "react";

/** Names the browser tab after the page, which is also what a screen reader announces first. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · devladder`;
  }, [title]);
}
