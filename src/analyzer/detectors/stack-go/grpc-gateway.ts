/**
 * grpc-gateway: a gRPC service also served as JSON over HTTP. Its routes are written in the
 * .proto files (`option (google.api.http) = { get: "/v1/users/{id}" }` on each rpc) and
 * registered at run time by generated code (`pb.RegisterUsersHandlerServer(ctx, gwmux, srv)`),
 * so they are read from the protos of the services the Go code registers. The gateway's mux
 * serves them at the root, or under the path an http.ServeMux hands it to
 * (`mux.Handle("/", gwmux)`, which is then the gateway and not a route of its own).
 */
import type { Endpoint, HttpMethod } from "../../report.js";
import type { SourceFile } from "../../scan-context.js";
import { lineAt } from "../../scan-context.js";
import { matchBracket } from "../stack-text/brackets.js";
import { maskComments } from "../stack-text/mask-comments.js";
import { joinUrlPath } from "../stack-text/url-path.js";

/** `RegisterUsersHandlerServer(ctx, gwmux, …)`, `…HandlerFromEndpoint`, `…HandlerClient`. */
const REGISTER =
  /\bRegister(\w+?)Handler(?:Server|FromEndpoint|Client)?\s*\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*&?([A-Za-z_]\w*)\s*,/g;
/** Cheap test on a file's raw text before it is masked and searched. */
export const mayRegisterGateway = (text: string): boolean =>
  text.includes("Register") && /\bRegister\w+Handler/.test(text);

const SERVICE = /^[ \t]*service[ \t]+(\w+)\s*\{/gm;
const RPC = /\brpc\s+\w+\s*\([^)]*\)\s*returns\s*\([^)]*\)\s*\{/g;
const HTTP_OPTION = /\boption\s*\(\s*google\.api\.http\s*\)\s*=\s*\{/g;
const BINDING = /\b(get|put|post|delete|patch)\s*:\s*"([^"]*)"/g;

export interface GatewayRegistration {
  readonly file: SourceFile;
  readonly service: string;
  /** the variable holding the gateway's ServeMux */
  readonly mux: string;
  readonly masked: string;
}

/** The gateway registrations in one Go file's comment-masked text. */
export function gatewayRegistrations(file: SourceFile, masked: string): GatewayRegistration[] {
  return [...masked.matchAll(REGISTER)].map((m) => ({
    file,
    service: m[1] as string,
    mux: m[2] as string,
    masked,
  }));
}

/** Where a gateway mux is handed to an http.ServeMux: `mux.Handle("/api/", gwmux)`. */
export function gatewayMount(
  registration: GatewayRegistration,
): { readonly path: string; readonly line: number } | null {
  const handle = new RegExp(`\\.Handle\\(\\s*"([^"]*)"\\s*,\\s*${registration.mux}\\s*\\)`).exec(
    registration.masked,
  );
  return handle
    ? { path: handle[1] as string, line: lineAt(registration.masked, handle.index) }
    : null;
}

/** The HTTP bindings of the registered services, read from the repository's .proto files. */
export function gatewayEndpoints(
  protos: readonly SourceFile[],
  services: ReadonlyMap<string, string>,
): Endpoint[] {
  const out: Endpoint[] = [];
  for (const proto of protos) {
    if (!proto.text.includes("google.api.http")) continue;
    const masked = maskComments(proto.text, "go");
    for (const service of masked.matchAll(SERVICE)) {
      const prefix = services.get(service[1] as string);
      if (prefix === undefined) continue;
      const open = service.index + service[0].length - 1;
      const close = matchBracket(masked, open);
      const body = masked.slice(open, close === -1 ? masked.length : close);
      for (const binding of httpBindings(body)) {
        out.push({
          method: binding.method,
          path: joinUrlPath(prefix, binding.path),
          framework: "grpc-gateway",
          file: proto.path,
          line: lineAt(masked, open + binding.offset),
          resolved: true,
        });
      }
    }
  }
  return out;
}

/** Each rpc's `google.api.http` bindings, with `additional_bindings`, offsets within `body`. */
function httpBindings(body: string): { method: HttpMethod; path: string; offset: number }[] {
  const out: { method: HttpMethod; path: string; offset: number }[] = [];
  for (const rpc of body.matchAll(RPC)) {
    const rpcOpen = rpc.index + rpc[0].length - 1;
    const rpcEnd = matchBracket(body, rpcOpen);
    const rpcBody = body.slice(rpcOpen, rpcEnd === -1 ? body.length : rpcEnd);
    for (const option of rpcBody.matchAll(HTTP_OPTION)) {
      const optionOpen = option.index + option[0].length - 1;
      const optionEnd = matchBracket(rpcBody, optionOpen);
      const optionBody = rpcBody.slice(optionOpen, optionEnd === -1 ? rpcBody.length : optionEnd);
      for (const b of optionBody.matchAll(BINDING)) {
        out.push({
          method: (b[1] as string).toUpperCase() as HttpMethod,
          // `{name=shelves/*}` matches a path segment named `name`.
          path: (b[2] as string).replace(/\{(\w+(?:\.\w+)*)=[^}]*\}/g, "{$1}"),
          offset: rpcOpen + optionOpen + (b.index ?? 0),
        });
      }
    }
  }
  return out;
}
