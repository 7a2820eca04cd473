import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, openTestApp, type TestApp } from "../test-support/test-app.js";

interface LevelCatalog {
  items: {
    id: string;
    order: number;
    title: string;
    summary: string;
    criteria: Record<string, unknown>[];
  }[];
}
interface CertificationCatalog {
  items: {
    id: string;
    title: string;
    issuer: string;
    skills: string[];
    validityMonths: number | null;
  }[];
}

// The catalogues read no database rows, so one dialect covers them (the authorization matrix
// calls them on both).
describe("catalog routes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp("sqlite");
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("lists the career levels in ladder order, their criteria in words and not as measures", async () => {
    const response = await call(t.app, { method: "GET", url: "/api/v1/catalog/levels" });
    expect(response.status).toBe(200);
    const { items } = response.body as LevelCatalog;
    const content = [...t.services.roadmap.levels].sort((a, b) => a.order - b.order);
    expect(items.map((l) => l.id)).toEqual(content.map((l) => l.id));
    expect(items.map((l) => l.order)).toEqual([...items.map((l) => l.order)].sort((a, b) => a - b));
    const entry = content.find((l) => l.id === "entry");
    expect(items.find((l) => l.id === "entry")?.criteria).toEqual(
      entry?.criteria.map((c) => ({ id: c.id, description: c.description, evidence: c.evidence })),
    );
    // how readiness measures a criterion (check ids, counts) is not part of the catalogue
    expect(JSON.stringify(items)).not.toContain('"measure"');
  });

  it("lists every catalogue certification with its issuer, skills and validity", async () => {
    const response = await call(t.app, { method: "GET", url: "/api/v1/catalog/certifications" });
    expect(response.status).toBe(200);
    const { items } = response.body as CertificationCatalog;
    expect(items.map((c) => c.id)).toEqual(t.services.roadmap.certifications.map((c) => c.id));
    const aws = items.find((c) => c.id === "aws-developer-associate");
    expect(aws).toMatchObject({
      title: "AWS Certified Developer – Associate",
      issuer: "Amazon Web Services",
      validityMonths: 36,
    });
    expect(items.some((c) => c.validityMonths === null)).toBe(true);
  });

  it("offers only ids a learner can track", async () => {
    const learner = await t.makeUser();
    const { items } = (await call(t.app, { method: "GET", url: "/api/v1/catalog/certifications" }))
      .body as CertificationCatalog;
    for (const cert of items) {
      const saved = await call(t.app, {
        method: "PUT",
        url: `/api/v1/certifications/${cert.id}`,
        headers: learner.auth,
        payload: { status: "planned" },
      });
      expect(saved.status, cert.id).toBe(200);
    }
  });

  it("sends an ETag per catalogue and answers 304 while it still matches", async () => {
    for (const catalogue of ["levels", "certifications"]) {
      const url = `/api/v1/catalog/${catalogue}`;
      const first = await t.app.inject({ method: "GET", url });
      const etag = String(first.headers.etag);
      expect(etag).toBe(`"${t.services.roadmap.version}-${catalogue}"`);
      expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
      const again = await t.app.inject({ method: "GET", url, headers: { "if-none-match": etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe("");
      const stale = await t.app.inject({
        method: "GET",
        url,
        headers: { "if-none-match": '"an-older-version"' },
      });
      expect(stale.statusCode).toBe(200);
    }
  });

  it("describes both catalogues in the OpenAPI document", async () => {
    const doc = (await call(t.app, { method: "GET", url: "/docs/json" })).body as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/catalog/levels", "/api/v1/catalog/certifications"]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["CatalogLevel", "CatalogCertification"]),
    );
  });
});
