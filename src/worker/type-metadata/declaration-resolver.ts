import fs from "node:fs";
import { ts } from "../typescript.js";
import type { TsconfigInfo } from "../tsconfig-info.js";
import { contentHash, type MetadataDependencies } from "./dependencies.js";
import { indexModule, type LocalDeclaration, type ModuleIndex } from "./module-index.js";
import { resolveTypeImport } from "./resolve-import.js";

export interface ModuleSource {
  file: string;
  index: ModuleIndex;
}

/** What a name (or qualified name) in some file stands for, once imports and re-exports are followed. */
export type Resolution =
  | {
      kind: "declarations";
      module: ModuleSource;
      name: string;
      declarations: LocalDeclaration[];
      /** Reached through `import type`, `export type` or an inline `type` specifier: tsc then treats a class as Function. */
      typeOnly: boolean;
    }
  | { kind: "namespace"; module: ModuleSource; typeOnly: boolean }
  | { kind: "enum-member"; member: ts.EnumMember };

interface ParsedModule {
  hash: string;
  module: ModuleSource;
}

/**
 * Parsed imported files, for the whole run (one worker process, or the ESM hooks thread):
 * entities import the same enums and barrels over and over, and files do not change during a run.
 */
const parsed = new Map<string, ParsedModule | null>();

/**
 * Follows names across files the way tsc's binder would, but syntactically: imports resolved
 * like our loaders resolve them, then `export { X }`, `export { X as Y } from`, `export * from`
 * and `export * as ns from` in the target, until a declaration. Every import it resolves and
 * file it reads is recorded, so the transform cache can tell when the answer may have changed.
 */
export class DeclarationResolver {
  readonly dependencies: MetadataDependencies = { resolutions: [], files: [] };
  private readonly recordedFiles = new Set<string>();
  private readonly recordedResolutions = new Set<string>();
  /** True once any answer came from another file: only those are worth correcting (the checker sees the rest). */
  crossedFile = false;

  constructor(private readonly tsconfig: TsconfigInfo) {}

  /** The module a name is looked up in: the file being transformed, already parsed by transpileModule. */
  static moduleOf(sourceFile: ts.SourceFile): ModuleSource {
    return { file: sourceFile.fileName, index: indexModule(sourceFile) };
  }

  resolveEntityName(module: ModuleSource, name: ts.EntityName): Resolution | undefined {
    if (ts.isIdentifier(name)) return this.resolveLocal(module, name.text, false, new Set());
    const left = this.resolveEntityName(module, name.left);
    const member = name.right.text;
    if (!left) return undefined;
    if (left.kind === "namespace") {
      const found = this.resolveExport(left.module, member, left.typeOnly, new Set());
      return found;
    }
    if (left.kind === "declarations") {
      const enumDeclarations = left.declarations.filter((d): d is Extract<LocalDeclaration, { kind: "enum" }> => d.kind === "enum");
      for (const declaration of enumDeclarations) {
        const found = declaration.node.members.find((m) => memberName(m) === member);
        if (found) return { kind: "enum-member", member: found };
      }
    }
    return undefined;
  }

  /** A name as seen inside `module`: its own top-level declarations first, then its imports. */
  resolveLocal(module: ModuleSource, name: string, typeOnly: boolean, seen: Set<string>): Resolution | undefined {
    const local = module.index.locals.get(name);
    if (local) return { kind: "declarations", module, name, declarations: local, typeOnly };
    const binding = module.index.imports.get(name);
    if (!binding) return undefined;
    const target = this.load(module.file, binding.specifier);
    if (!target) return undefined;
    this.crossedFile = true;
    if (binding.imported === "*") return { kind: "namespace", module: target, typeOnly: typeOnly || binding.typeOnly };
    return this.resolveExport(target, binding.imported, typeOnly || binding.typeOnly, seen);
  }

  resolveExport(module: ModuleSource, name: string, typeOnly: boolean, seen: Set<string>): Resolution | undefined {
    const key = `${module.file}\0${name}`;
    if (seen.has(key)) return undefined; // export cycles: tsc reports them; we give up on the name
    seen.add(key);
    const binding = module.index.exports.get(name);
    if (binding?.kind === "local") return this.resolveLocal(module, binding.name, typeOnly || binding.typeOnly, seen);
    if (binding?.kind === "reexport") {
      const target = this.load(module.file, binding.specifier);
      if (!target) return undefined;
      if (binding.imported === "*") return { kind: "namespace", module: target, typeOnly: typeOnly || binding.typeOnly };
      return this.resolveExport(target, binding.imported, typeOnly || binding.typeOnly, seen);
    }
    if (name === "default") return undefined; // `export *` never re-exports a default
    for (const star of module.index.starExports) {
      const target = this.load(module.file, star.specifier);
      const found = target && this.resolveExport(target, name, typeOnly || star.typeOnly, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** The parsed module an import in `fromFile` names, if it is a user TypeScript file. */
  resolveModule(fromFile: string, specifier: string): ModuleSource | undefined {
    return this.load(fromFile, specifier);
  }

  private load(fromFile: string, specifier: string): ModuleSource | undefined {
    const file = resolveTypeImport(specifier, fromFile, this.tsconfig);
    const resolutionKey = `${fromFile}\0${specifier}`;
    if (!this.recordedResolutions.has(resolutionKey)) {
      this.recordedResolutions.add(resolutionKey);
      this.dependencies.resolutions.push([fromFile, specifier, file ?? ""]);
    }
    if (!file) return undefined;
    let entry = parsed.get(file);
    if (entry === undefined) {
      entry = parseFile(file);
      parsed.set(file, entry);
    }
    if (!entry) return undefined;
    if (!this.recordedFiles.has(file)) {
      this.recordedFiles.add(file);
      this.dependencies.files.push([file, entry.hash]);
    }
    return entry.module;
  }
}

function parseFile(file: string): ParsedModule | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  // Syntax only: no binder, no checker. Parent pointers are needed to walk up from type nodes.
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  return { hash: contentHash(text), module: { file, index: indexModule(sourceFile) } };
}

export function memberName(member: ts.EnumMember): string | undefined {
  const name = member.name;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}
