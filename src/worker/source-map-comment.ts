/**
 * Drops a module's trailing `//# sourceMappingURL=` comment, so that Node (source maps on) does
 * not read and parse the map of a module no report points into. Only the trailing comment (the
 * last line, maybe followed by blank ones) goes, never a string or a comment that merely contains
 * the marker; code and line numbers are unchanged.
 */
const SOURCE_MAP_COMMENT = "//# sourceMappingURL=";

export function withoutSourceMapComment(code: string): string {
  const at = code.lastIndexOf(SOURCE_MAP_COMMENT);
  return at !== -1 && code.slice(at).trimEnd().indexOf("\n") === -1 ? code.slice(0, at) : code;
}
