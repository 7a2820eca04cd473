import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-error.js";
import { fieldErrorOf, fieldErrorsUnder } from "./field-errors.js";

function invalid(errors: { where: string; problem: string; accepted?: string }[]): ApiError {
  return new ApiError(
    400,
    {
      type: "urn:devladder:problem:invalid_input",
      title: "The request is not valid",
      status: 400,
      detail: "the entry is not valid",
      instance: "/api/v1/growth",
      code: "invalid_input",
      requestId: "req-1",
      errors,
    },
    "fallback",
  );
}

describe("field errors", () => {
  it("gives the API's problem with a field, by its name without the body prefix", () => {
    const error = invalid([{ where: "body.title", problem: "is required" }]);
    expect(fieldErrorOf(error, "title")).toBe("is required");
    expect(fieldErrorOf(error, "what")).toBeUndefined();
  });

  it("has no field problems for a failure that is not an API rejection", () => {
    expect(fieldErrorOf(new Error("offline"), "title")).toBeUndefined();
    expect(fieldErrorOf(null, "title")).toBeUndefined();
    expect(fieldErrorsUnder(new Error("offline"), "links")).toBe("");
  });

  it("joins the problems of a list field's items into one line", () => {
    const error = invalid([
      { where: "body.links.0", problem: "is not a URL", accepted: "https:// or http://" },
      { where: "body.title", problem: "is required" },
      { where: "body.links.3", problem: "is too long" },
    ]);
    expect(fieldErrorsUnder(error, "links")).toBe(
      "is not a URL (https:// or http://); is too long",
    );
    expect(fieldErrorsUnder(error, "evidence")).toBe("");
  });
});
