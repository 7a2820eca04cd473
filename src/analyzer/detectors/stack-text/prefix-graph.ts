/**
 * Route prefixes that flow between routers: a group created from a router, a sub-router mounted
 * at a path, a router handed to a function that registers routes on its parameter. Nodes are
 * routers; an edge says "the child sees the parent's prefix plus this path". A node's prefixes
 * are all the ways to reach it from a root, so a function called from two mounts yields both.
 */
import { joinUrlPath } from "./url-path.js";

export type NodeKind =
  /** a router constructed here (gin.Default(), chi.NewRouter(), builder.Build()) */
  | "constructed"
  /** a router returned by a function: served at the root unless someone mounts it */
  | "returned"
  /** a parameter or variable whose origin is only known through edges */
  | "bound";

export interface RouterNode {
  readonly id: number;
  readonly kind: NodeKind;
  framework: string | null;
}

export interface Prefix {
  readonly path: string;
  readonly resolved: boolean;
}

interface Edge {
  readonly from: RouterNode;
  readonly path: string;
  readonly resolved: boolean;
}

/** A limit on distinct prefixes per router, so a pathological call graph cannot explode. */
const MAX_PREFIXES = 16;

/** Joins a prefix and the path under it the way the router's framework does. */
export type PrefixJoin = (framework: string | null, prefix: string, path: string) => string;

export class PrefixGraph {
  private nextId = 0;
  private readonly incoming = new Map<number, Edge[]>();
  private readonly memo = new Map<number, Prefix[]>();

  constructor(private readonly join: PrefixJoin = (_, prefix, path) => joinUrlPath(prefix, path)) {}

  node(kind: NodeKind, framework: string | null = null): RouterNode {
    return { id: this.nextId++, kind, framework };
  }

  /** `child` is reachable at `parent`'s prefixes plus `path`. */
  link(parent: RouterNode, child: RouterNode, path = "", resolved = true): void {
    if (parent.id === child.id) return;
    const list = this.incoming.get(child.id) ?? [];
    list.push({ from: parent, path, resolved });
    this.incoming.set(child.id, list);
    if (child.framework === null) child.framework = parent.framework;
    this.memo.clear();
  }

  prefixes(node: RouterNode): Prefix[] {
    return this.resolve(node, new Set());
  }

  /** The framework of the node or of the nearest router it hangs from. */
  framework(node: RouterNode): string | null {
    const seen = new Set<number>();
    const queue = [node];
    while (queue.length > 0) {
      const n = queue.shift() as RouterNode;
      if (n.framework !== null) return n.framework;
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      for (const e of this.incoming.get(n.id) ?? []) queue.push(e.from);
    }
    return null;
  }

  private resolve(node: RouterNode, visiting: Set<number>): Prefix[] {
    const cached = this.memo.get(node.id);
    if (cached) return cached;
    const edges = this.incoming.get(node.id) ?? [];
    if (edges.length === 0 || visiting.has(node.id)) {
      // A router nobody mounts is served at the root, unless it is a parameter nobody passes.
      return [{ path: "", resolved: node.kind !== "bound" }];
    }
    visiting.add(node.id);
    const framework = this.framework(node);
    const out = new Map<string, Prefix>();
    for (const edge of edges) {
      for (const p of this.resolve(edge.from, visiting)) {
        const path = edge.path === "" ? p.path : this.join(framework, p.path, edge.path);
        const prefix = { path, resolved: p.resolved && edge.resolved };
        const key = `${prefix.path}|${String(prefix.resolved)}`;
        if (!out.has(key) && out.size < MAX_PREFIXES) out.set(key, prefix);
      }
    }
    visiting.delete(node.id);
    const result = [...out.values()];
    if (visiting.size === 0) this.memo.set(node.id, result);
    return result;
  }
}
