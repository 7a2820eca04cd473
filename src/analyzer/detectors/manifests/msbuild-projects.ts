/**
 * .NET projects (*.csproj, *.fsproj, *.vbproj), central package versions
 * (Directory.Packages.props) and packages.config: the NuGet packages they reference, the shared
 * frameworks (`<FrameworkReference Include="Microsoft.AspNetCore.App" />`) and the project SDKs
 * (`<Project Sdk="Microsoft.NET.Sdk.Web">`, `<Sdk Name="…" />`, `<Import Sdk="…" />`). Attributes
 * may come in any order, as MSBuild allows.
 */
import type { AddEntry } from "./manifest-entry.js";

/** An element that names a package or framework, with its attributes. */
const ITEM = /<(PackageReference|PackageVersion|FrameworkReference|package)\b([^>]*)>/g;
const SDK_ATTRIBUTE = /\bSdk\s*=\s*"([^"]+)"/g;
const SDK_ELEMENT = /<Sdk\b[^>]*?\bName\s*=\s*"([^"]+)"/g;

export function parseMsbuild(text: string, add: AddEntry): void {
  for (const m of text.matchAll(ITEM)) {
    const element = m[1] ?? "";
    const attributes = m[2] ?? "";
    // packages.config names a package by `id`; MSBuild items by Include (or Update, which
    // changes an item that an imported file includes).
    const attribute =
      element === "package"
        ? /\bid\s*=\s*"([^"]+)"/.exec(attributes)
        : /\b(?:Include|Update)\s*=\s*"([^"]+)"/.exec(attributes);
    const name = attribute?.[1];
    if (!name) continue;
    const offset = m.index + 1 + element.length + attribute.index + attribute[0].indexOf(name);
    add(element === "FrameworkReference" ? "dotnet-framework" : "nuget", name, offset);
  }
  for (const pattern of [SDK_ATTRIBUTE, SDK_ELEMENT]) {
    for (const m of text.matchAll(pattern)) {
      // Sdk="Microsoft.NET.Sdk.Web" or several, "A/1.0;B", each with an optional version.
      const list = m[1] ?? "";
      let from = m.index + m[0].indexOf(list);
      for (const part of list.split(";")) {
        const name = part.trim().split("/")[0]?.trim() ?? "";
        if (name !== "") add("msbuild-sdk", name, from + part.indexOf(name));
        from += part.length + 1;
      }
    }
  }
}
