import { describe, expect, it } from "vitest";
import {
  defaultFunnel,
  defaultPaths,
  defaultWaiting,
  droppedPathsDraft,
  funnelRequest,
  newStep,
  pathsRequest,
  waitingRequest,
} from "./draft";

describe("report drafts", () => {
  it("send the prefilled demo funnel as it is, with the API's default range", () => {
    const { request, errors } = funnelRequest(defaultFunnel());
    expect(errors.size).toBe(0);
    expect(request.steps).toEqual([
      { event: "Page Viewed" },
      { event: "Availability Checked" },
      { event: "Move Order Submitted" },
      { event: "Order Confirmation Sent" },
    ]);
    expect(request.window).toEqual({ value: 30, unit: "days" });
    expect(request.order).toBe("ordered");
    expect(request.from).toBeUndefined();
    expect(request.to).toBeUndefined();
  });

  it("trim names and conditions, include the whole last day, and point problems at their fields", () => {
    const draft = {
      ...defaultFunnel(),
      steps: [newStep(" Page Viewed ", " properties.path = '/umzug' "), newStep("  ")],
      window: { value: "0", unit: "hours" as const },
      scope: { fromDay: "2026-11-01", toDay: "2026-11-07" },
    };
    const { request, errors } = funnelRequest(draft);
    expect(request.steps[0]).toEqual({ event: "Page Viewed", where: "properties.path = '/umzug'" });
    expect(request.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(request.to).toBe(new Date(2026, 10, 8).toISOString());
    expect([...errors.entries()]).toEqual([
      ["/body/steps/1/event", "required"],
      ["/body/window/value", "positive"],
    ]);
  });

  it("turn a waiting-time target into seconds in the unit chosen, decimal comma included", () => {
    const { request, errors } = waitingRequest({ ...defaultWaiting(), target: "1,5", targetUnit: "hours" });
    expect(errors.size).toBe(0);
    expect(request.targetSeconds).toBe(5400);
    expect(request.fromStep).toEqual({ event: "Ticket Created" });
    expect(request.toStep).toEqual({ event: "Call Ended" });
  });

  it("open the paths after a funnel's drop-out: anchored at the step before, unless the step, same days", () => {
    const funnel = {
      ...defaultFunnel(),
      steps: [newStep("Page Viewed"), newStep("Availability Checked", "properties.ok = true"), newStep("X")],
      window: { value: "7", unit: "days" as const },
      scope: { fromDay: "2026-11-01", toDay: "2026-11-07" },
    };
    const draft = droppedPathsDraft(funnelRequest(funnel).request, 2);
    const { request, errors } = pathsRequest(draft);
    expect(errors.size).toBe(0);
    expect(request.anchor).toEqual({ event: "Availability Checked", where: "properties.ok = true" });
    expect(request.unless).toEqual({ event: "X" });
    expect(request.direction).toBe("after");
    expect(request.window).toEqual({ value: 7, unit: "days" });
    expect(request.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(request.to).toBe(new Date(2026, 10, 8).toISOString());
    // Without a step to exclude, or looking backwards, the request carries none.
    expect(pathsRequest(defaultPaths()).request.unless).toBeUndefined();
    expect(pathsRequest({ ...draft, direction: "before" }).request.unless).toBeUndefined();
  });
});
