/**
 * Build step (`npm run build`): validates the bundled content and writes it as JSON beside the
 * compiled loader, so that commands start without parsing YAML. Fails the build, listing every
 * problem, when the content is invalid.
 */
import { writeFileSync } from "node:fs";
import { defaultContentDir } from "./content-files.js";
import { parseRoadmap } from "./content-loader.js";
import { SNAPSHOT_URL } from "./roadmap-snapshot.js";

writeFileSync(SNAPSHOT_URL, JSON.stringify(parseRoadmap(defaultContentDir())));
