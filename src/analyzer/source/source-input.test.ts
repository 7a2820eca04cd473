import { describe, expect, it } from "vitest";
import { DevladderError } from "../../errors.js";
import { classifySourceInput } from "./source-input.js";

function rejection(input: string): DevladderError {
  try {
    classifySourceInput(input);
  } catch (error) {
    if (error instanceof DevladderError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe("classifySourceInput", () => {
  it("accepts https, ssh, scp-like and file addresses as remote", () => {
    for (const url of [
      "https://github.com/acme/shop.git",
      "ssh://git@example.com:2222/acme/shop.git",
      "git@github.com:acme/shop.git",
      "example.com:repos/shop.git",
      "file:///srv/git/shop.git",
    ]) {
      expect(classifySourceInput(url)).toEqual({ kind: "remote", url });
    }
  });

  it("treats paths as local, including ones with a slash before a colon", () => {
    expect(classifySourceInput(".")).toEqual({ kind: "local", path: "." });
    expect(classifySourceInput("./odd:name")).toEqual({ kind: "local", path: "./odd:name" });
    expect(classifySourceInput("/home/ada/my project")).toEqual({
      kind: "local",
      path: "/home/ada/my project",
    });
  });

  it("rejects remote-helper transports such as ext:: and fd::", () => {
    expect(rejection("ext::sh -c touch% /tmp/pwned").message).toMatch(/remote-helper/);
    expect(rejection("fd::17").message).toMatch(/remote-helper/);
    expect(rejection("ext::sh -c id").code).toBe("invalid_input");
  });

  it("rejects anything that starts with a dash, so git cannot read it as an option", () => {
    expect(rejection("--upload-pack=touch /tmp/pwned").message).toMatch(/starts with '-'/);
    expect(rejection("-uhack").message).toMatch(/starts with '-'/);
  });

  it("rejects hosts and users that ssh would take for options", () => {
    expect(rejection("ssh://-oProxyCommand=touch%20x/repo").message).toMatch(/host name/);
    expect(rejection("-oProxyCommand=x@host:repo").message).toMatch(/starts with '-'/);
    expect(rejection("git@-oProxyCommand=x:repo").message).toMatch(/host name/);
    expect(rejection("git@host:-repo").message).toMatch(/repository path/);
    expect(rejection("ssh://-user@host/repo").message).toMatch(/user name/);
  });

  it("rejects plain http and git:// with the reason and the accepted forms", () => {
    const http = rejection("http://example.com/acme/shop.git");
    expect(http.message).toMatch(/use https/);
    expect(http.details[0]?.accepted).toMatch(/https:\/\/host\/path/);
    expect(rejection("git://example.com/shop.git").message).toMatch(/unauthenticated/);
    expect(rejection("ftp://example.com/shop.git").message).toMatch(/ftp:\/\/ scheme/);
  });

  it("rejects whitespace in URLs and control characters anywhere", () => {
    expect(rejection("https://example.com/a b.git").message).toMatch(/whitespace/);
    expect(rejection("./repo\nrm -rf /").message).toMatch(/control characters/);
  });

  it("never shows credentials from a rejected URL", () => {
    const error = rejection("http://alice:s3cret@example.com/shop.git");
    expect(error.message).not.toContain("s3cret");
  });
});
