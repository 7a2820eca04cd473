/** The exact expectations a stack fixture states about itself, next to its files. */
import type { Endpoint, FrameworkFinding } from "../../report.js";

export interface StackExpectation {
  /** id, category and confidence of every framework the stack detector reports, in order */
  readonly frameworks: readonly Pick<FrameworkFinding, "id" | "category" | "confidence">[];
  /** every endpoint, sorted by path, then method */
  readonly endpoints: readonly Endpoint[];
  /** whether the application serves JSON (the stack detector's `rest_api` value) */
  readonly restApi: boolean;
  /** distinct METHOD+path pairs, i.e. the `http_endpoints` signal for this fixture */
  readonly httpEndpoints: number;
}
