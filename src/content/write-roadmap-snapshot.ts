/**
 * Build step (`npm run build`): validates the bundled content and writes it as JSON beside the
 * compiled loader, so that commands start without parsing YAML. Fails the build, listing every
 * problem, when the content is invalid.
 */
import { writeFileSync } from "node:fs";
import { defaultContentDir, parseRoadmap, SNAPSHOT_URL } from "./content-loader.js";

writeFileSync(SNAPSHOT_URL, JSON.stringify(parseRoadmap(defaultContentDir())));
