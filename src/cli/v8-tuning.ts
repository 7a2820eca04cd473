/**
 * One V8 setting for this process, made before any work starts.
 *
 * An analysis makes a few hundred functions hot at once (the detectors' loops over every file),
 * and V8's optimizing compiler inlines up to 920 bytes of callees' bytecode into each one it
 * compiles. On a two-core machine those compilations took about 0.6 s of CPU on V8's background
 * threads for spring-boot, beside a scan and two git processes that want both cores. With 300
 * bytes the scan itself ran no slower and the background work fell by about 0.25 s (measured
 * with per-thread CPU times; figures in the README's benchmark section).
 */
import { setFlagsFromString } from "node:v8";

export function tuneV8ForScans(): void {
  setFlagsFromString("--max-inlined-bytecode-size-cumulative=300");
}
