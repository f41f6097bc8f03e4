import { useMemo } from "react";
import { useTouchpoints } from "../touchpoints/hooks";
import { DEFAULT_FUNNEL_EVENTS } from "./draft";

/**
 * Event names to suggest in step fields: those the touchpoint register matches (globs left out), and
 * the demo funnel's; any other name can be typed.
 */
export function useEventNames(workspaceId: string): string[] {
  const touchpoints = useTouchpoints(workspaceId);
  return useMemo(() => {
    const names = new Set<string>(DEFAULT_FUNNEL_EVENTS);
    for (const tp of touchpoints.data ?? [])
      for (const m of tp.eventMatchers) if (m.event && !m.event.includes("*")) names.add(m.event);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [touchpoints.data]);
}
