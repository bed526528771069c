import fs from "node:fs";
import path from "node:path";
import { RULE_IDS } from "../rules/index.js";
import type { RuleSeverity } from "../rules/rule.js";
import { GateError } from "./errors.js";

export const CONFIG_FILE_NAME = "migration-gate.config.json";

const SEVERITIES: readonly RuleSeverity[] = ["error", "warning", "notice", "off"];

/** One ignore: every field given must match the finding. `object` and `file` take `*` wildcards. */
export interface IgnoreEntry {
  rule?: string;
  object?: string;
  file?: string;
  fingerprint?: string;
  reason: string;
  /** Where the entry was written, for the unused-ignore finding and error messages. */
  source: { file?: string; line?: number; label: string };
}

export interface RuleConfig {
  severities: Record<string, RuleSeverity>;
  ignores: IgnoreEntry[];
  /** Absolute path of the config file read, if any. */
  configFile?: string;
}

export interface RuleConfigInputs {
  projectDir: string;
  cwd: string;
  /** The config option: a path, or undefined to look for migration-gate.config.json in the project. */
  configPath?: string;
  /** The rules option's `id=severity` entries, already split at commas and newlines. */
  rules?: readonly string[];
  /** The ignore option: one `<rule-or-fingerprint> [object] -- <reason>` per line. */
  ignore?: string;
}

/**
 * Severities and ignores, from the config file and the rules/ignore options (options win over
 * the file for severities; ignores add up). Everything is validated before Postgres starts,
 * and every error names the file and line, or the option, and what to write instead.
 */
export function loadRuleConfig(inputs: RuleConfigInputs): RuleConfig {
  const config: RuleConfig = { severities: {}, ignores: [] };
  const file = inputs.configPath ? path.resolve(inputs.cwd, inputs.configPath) : path.join(inputs.projectDir, CONFIG_FILE_NAME);
  if (fs.existsSync(file)) {
    readConfigFile(file, config);
    config.configFile = file;
  } else if (inputs.configPath) {
    throw new GateError("config-not-found", `config (--config) "${inputs.configPath}" does not exist (looked for ${file}).`, {
      hint: `Fix the path, relative to the repository root, or remove the option to use ${CONFIG_FILE_NAME} in the project folder when there is one.`,
    });
  }
  for (const [index, entry] of (inputs.rules ?? []).entries()) {
    const match = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(entry);
    if (!match) {
      throw new GateError("invalid-option", `rules (--rules) entry ${index + 1} "${entry}" is not of the form rule-id=severity.`, {
        hint: `Write e.g. rules: extra-table=off, missing-index=error. Severities: ${SEVERITIES.join(", ")}.`,
      });
    }
    config.severities[checkRuleId(match[1]!, `rules (--rules) entry "${entry}"`)] = checkSeverity(match[2]!, `rules (--rules) entry "${entry}"`);
  }
  for (const entry of (inputs.ignore ?? "").split("\n").map((line) => line.trim()).filter(Boolean)) {
    config.ignores.push(parseIgnoreOption(entry));
  }
  return config;
}

function readConfigFile(file: string, config: RuleConfig): void {
  const text = fs.readFileSync(file, "utf8");
  const where = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GateError("invalid-config", `${where} is not valid JSON: ${(error as Error).message}.`, {
      hint: `Fix the JSON in ${file}; the format is described in docs/configuration.md.`,
    });
  }
  if (!isObject(parsed)) throw invalid(file, 1, "the file must hold one JSON object with \"rules\" and/or \"ignore\"");
  for (const key of Object.keys(parsed)) {
    if (key !== "rules" && key !== "ignore" && key !== "$schema") throw invalid(file, lineOf(text, `"${key}"`), `unknown key "${key}"; the keys are "rules" and "ignore"`);
  }
  if (parsed["rules"] !== undefined) {
    if (!isObject(parsed["rules"])) throw invalid(file, lineOf(text, '"rules"'), '"rules" must be an object of rule id to severity');
    for (const [id, severity] of Object.entries(parsed["rules"])) {
      const line = lineOf(text, `"${id}"`);
      const label = `${where}:${line}`;
      config.severities[checkRuleId(id, label)] = checkSeverity(String(severity), label);
    }
  }
  if (parsed["ignore"] !== undefined) {
    if (!Array.isArray(parsed["ignore"])) throw invalid(file, lineOf(text, '"ignore"'), '"ignore" must be a list of entries');
    const lines = entryLines(text, parsed["ignore"].length);
    parsed["ignore"].forEach((entry: unknown, index) => {
      const line = lines[index] ?? lineOf(text, '"ignore"');
      const source = { file, line, label: `${where}:${line}` };
      if (!isObject(entry)) throw invalid(file, line, `ignore entry ${index + 1} must be an object with "reason" and at least one of "rule", "object", "file", "fingerprint"`);
      for (const key of Object.keys(entry)) {
        if (!["rule", "object", "file", "fingerprint", "reason"].includes(key)) throw invalid(file, line, `ignore entry ${index + 1} has unknown key "${key}"`);
      }
      config.ignores.push(buildIgnore(entry, source));
    });
  }
}

function buildIgnore(entry: Record<string, unknown>, source: IgnoreEntry["source"]): IgnoreEntry {
  const text = (key: string) => (typeof entry[key] === "string" && (entry[key] as string).trim() ? (entry[key] as string).trim() : undefined);
  const reason = text("reason");
  if (!reason) {
    throw new GateError("invalid-config", `${source.label}: the ignore entry has no "reason".`, {
      hint: 'Every ignore says why, so the next reader can tell when it can go: add "reason": "...".',
    });
  }
  const ignore: IgnoreEntry = { reason, source };
  const rule = text("rule");
  if (rule) ignore.rule = checkRuleId(rule, source.label);
  for (const key of ["object", "file", "fingerprint"] as const) {
    const value = text(key);
    if (value) ignore[key] = value;
  }
  if (!ignore.rule && !ignore.object && !ignore.file && !ignore.fingerprint) {
    throw new GateError("invalid-config", `${source.label}: the ignore entry matches everything.`, {
      hint: 'Say what to ignore with "rule", "object", "file" or "fingerprint" (each finding in the JSON report carries them).',
    });
  }
  return ignore;
}

/** `missing-index public.posts(*) -- reason` or `0123456789abcdef -- reason`. */
function parseIgnoreOption(entry: string): IgnoreEntry {
  const source = { label: `ignore (--ignore) entry "${entry}"` };
  const separator = entry.indexOf(" -- ");
  if (separator < 0) {
    throw new GateError("invalid-option", `${source.label} has no reason.`, {
      hint: "Write it as `<rule-id or fingerprint> [object] -- <reason>`, e.g. `extra-table public.legacy_* -- owned by the reporting service`.",
    });
  }
  const [matcher, object] = entry.slice(0, separator).trim().split(/\s+/, 2) as [string, string | undefined];
  const fields: Record<string, unknown> = { reason: entry.slice(separator + 4) };
  if (/^[0-9a-f]{16}$/.test(matcher)) fields["fingerprint"] = matcher;
  else fields["rule"] = matcher;
  if (object) fields["object"] = object;
  return buildIgnore(fields, source);
}

function checkRuleId(id: string, label: string): string {
  if (RULE_IDS.has(id)) return id;
  const close = [...RULE_IDS].find((known) => known.includes(id) || id.includes(known));
  throw new GateError("invalid-config", `${label}: there is no rule "${id}".`, {
    hint: `${close ? `Did you mean "${close}"? ` : ""}The rules are: ${[...RULE_IDS].join(", ")} (docs/rules.md).`,
  });
}

function checkSeverity(severity: string, label: string): RuleSeverity {
  if ((SEVERITIES as readonly string[]).includes(severity)) return severity as RuleSeverity;
  throw new GateError("invalid-config", `${label}: "${severity}" is not a severity.`, { hint: `Use one of ${SEVERITIES.join(", ")}.` });
}

function invalid(file: string, line: number, what: string): GateError {
  return new GateError("invalid-config", `${path.basename(file)}:${line}: ${what}.`, { hint: `Fix ${file}; the format is described in docs/configuration.md.` });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}

/** The line each top-level `{` of the "ignore" array starts on: JSON.parse keeps no positions. */
function entryLines(text: string, count: number): number[] {
  const start = text.indexOf("[", text.indexOf('"ignore"'));
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = start + 1; i < text.length && lines.length < count; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (depth === 0) lines.push(text.slice(0, i).split("\n").length);
      depth++;
    } else if (char === "}" || char === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return lines;
}
