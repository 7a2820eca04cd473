import { describe, expect, it } from "vitest";
import { ApiError, isProblem, messageOf } from "./api-error.js";

describe("API errors", () => {
  it("keys field problems by field name and says what is accepted", () => {
    const error = new ApiError(
      400,
      {
        type: "urn:devladder:problem:invalid_input",
        title: "The request is not valid",
        status: 400,
        detail: "the profile is not valid",
        instance: "/api/v1/profile",
        code: "invalid_input",
        requestId: "req-7",
        errors: [
          { where: "body.hoursPerWeek", problem: "is too big", accepted: "at most 80" },
          { where: "startDate", problem: "is not a calendar date" },
        ],
      },
      "fallback",
    );
    expect(error.message).toBe("the profile is not valid");
    expect(error.fieldErrors.get("hoursPerWeek")).toBe("is too big (at most 80)");
    expect(error.fieldErrors.get("startDate")).toBe("is not a calendar date");
    expect(messageOf(error)).toBe("the profile is not valid (request req-7)");
  });

  it("falls back to the status when the body is not a problem", () => {
    const error = new ApiError(502, null, "The server answered 502 Bad Gateway");
    expect(error.code).toBe("unknown");
    expect(messageOf(error)).toBe("The server answered 502 Bad Gateway");
    expect(isProblem({ message: "nope" })).toBe(false);
  });
});
