/** For tests: the value that means "not found" for a fact of the catalogue, by its type. */
import type { FactType } from "../signals.js";

export function absentFactValue(type: FactType): false | 0 | never[] {
  switch (type) {
    case "boolean":
      return false;
    case "number":
      return 0;
    case "list":
      return [];
  }
}
