import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface OriginalLine {
  file: string;
  line: number;
}

/**
 * Maps lines of a compiled JavaScript file (a `dist/` data source built by tsc) to its
 * TypeScript source through the file's source map, so findings point at the `.ts` line a
 * developer edits. Undefined when the file has no map or the map does not cover the line.
 */
export function sourceMapLines(filename: string, source: string): ((line: number) => OriginalLine | undefined) | undefined {
  const payload = readMap(filename, source);
  if (!payload) return undefined;
  let map: SourceMap;
  try {
    map = new SourceMap(payload.map as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    return undefined;
  }
  const lines = source.split("\n");
  const root = (payload.map as { sourceRoot?: string }).sourceRoot ?? "";
  return (line) => {
    const text = lines[line - 1];
    if (text === undefined) return undefined;
    const column = text.length - text.trimStart().length;
    const entry = map.findEntry(line - 1, column) as { originalSource?: string; originalLine?: number; generatedLine?: number };
    // findEntry answers with the nearest mapping before the position: only take one on this line.
    if (!entry.originalSource || entry.originalLine === undefined || entry.generatedLine !== line - 1) return undefined;
    return { file: resolveSource(entry.originalSource, root, payload.dir), line: entry.originalLine + 1 };
  };
}

function readMap(filename: string, source: string): { map: unknown; dir: string } | undefined {
  const comment = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(source.slice(-4096));
  const dir = path.dirname(filename);
  try {
    if (comment?.[1]?.startsWith("data:")) {
      const base64 = comment[1].slice(comment[1].indexOf(",") + 1);
      return { map: JSON.parse(Buffer.from(base64, "base64").toString("utf8")), dir };
    }
    const mapFile = comment?.[1] ? path.resolve(dir, decodeURIComponent(comment[1])) : `${filename}.map`;
    if (!fs.existsSync(mapFile)) return undefined;
    return { map: JSON.parse(fs.readFileSync(mapFile, "utf8")), dir: path.dirname(mapFile) };
  } catch {
    return undefined;
  }
}

function resolveSource(source: string, root: string, dir: string): string {
  if (source.startsWith("file://")) return fileURLToPath(source);
  // Node's SourceMap hands back sources already resolved against the map's URL in some versions.
  if (path.isAbsolute(source)) return source;
  return path.resolve(dir, root, source);
}
