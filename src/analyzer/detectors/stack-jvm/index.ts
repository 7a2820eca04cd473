/**
 * The JVM stack detector, loaded only for repositories with JVM sources or build files: its
 * modules are a start-up cost every other repository would pay for nothing (its YAML parser
 * loads later still, on first use: see yaml-parser.ts).
 */
import type { AsyncDetector, Findings, ScanContext, SourceFile } from "../../scan-context.js";

const JVM_EXTENSIONS = new Set(["java", "kt", "kts", "groovy", "gradle"]);

function isJvmFile(file: SourceFile): boolean {
  return JVM_EXTENSIONS.has(file.ext) || file.name === "pom.xml";
}

export const jvmStackDetector: AsyncDetector = {
  id: "stack-jvm",
  async detect(ctx: ScanContext): Promise<Findings> {
    if (!ctx.files.some(isJvmFile)) return {};
    const { jvmStackDetector: detector } = await import("./jvm-stack-detector.js");
    return detector.detect(ctx);
  },
};
