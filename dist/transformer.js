import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  collectClassSites,
  require_ts_morph,
  siteRegistrationSnippet
} from "./chunk-PUU2EW7X.js";
import {
  TYPESCRIPT_EXTENSIONS,
  isUserSource
} from "./chunk-FDDREVO6.js";
import {
  __toESM
} from "./chunk-4EXQY7HF.js";

// src/worker/transform.ts
var import_ts_morph = __toESM(require_ts_morph(), 1);
import path from "node:path";
function transformModule(request) {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename)) : "";
  if (!TYPESCRIPT_EXTENSIONS.has(path.extname(filename))) return request.source + snippet;
  const output = import_ts_morph.ts.transpileModule(request.source + snippet, {
    fileName: filename,
    compilerOptions: compilerOptionsFor(request),
    reportDiagnostics: false
  });
  return output.outputText;
}
function compilerOptionsFor({ format, tsconfig }) {
  const user = tsconfig.compilerOptions;
  const userTarget = user.target ?? import_ts_morph.ts.ScriptTarget.ES2017;
  return {
    jsx: user.jsx ?? import_ts_morph.ts.JsxEmit.ReactJSX,
    jsxImportSource: user.jsxImportSource,
    // Class field semantics follow the user's build: TypeScript defines fields only from ES2022 on.
    useDefineForClassFields: user.useDefineForClassFields ?? userTarget >= import_ts_morph.ts.ScriptTarget.ES2022,
    target: import_ts_morph.ts.ScriptTarget.ES2022,
    module: format === "module" ? import_ts_morph.ts.ModuleKind.ESNext : import_ts_morph.ts.ModuleKind.CommonJS,
    // TypeORM needs legacy decorators and their design:type metadata, whatever the project says.
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    isolatedModules: true,
    verbatimModuleSyntax: false,
    importHelpers: false,
    inlineSourceMap: true,
    inlineSources: false,
    sourceMap: false,
    declaration: false
  };
}

// src/worker/tsconfig.ts
var import_ts_morph2 = __toESM(require_ts_morph(), 1);
import path2 from "node:path";
function parseTsconfig(file) {
  const read = import_ts_morph2.ts.readConfigFile(file, import_ts_morph2.ts.sys.readFile);
  if (read.error || !read.config) return { info: { file, compilerOptions: {} }, inputs: [file] };
  const extended = /* @__PURE__ */ new Map();
  const parsed = import_ts_morph2.ts.parseJsonConfigFileContent(read.config, import_ts_morph2.ts.sys, path2.dirname(file), void 0, file, void 0, void 0, extended);
  const options = parsed.options;
  const paths = options.paths ? {
    baseDir: options.baseUrl ?? options.pathsBasePath ?? path2.dirname(file),
    patterns: options.paths
  } : void 0;
  return {
    info: { file, compilerOptions: toPlain(options), paths, baseUrl: options.baseUrl },
    inputs: [file, ...[...extended.keys()].filter((p) => path2.isAbsolute(p))]
  };
}
function toPlain(options) {
  const plain = {};
  for (const [key, value] of Object.entries(options)) {
    if (["number", "string", "boolean"].includes(typeof value)) plain[key] = value;
  }
  return plain;
}
export {
  parseTsconfig,
  transformModule
};
