/**
 * Source maps for a two-step transform (oxc's TypeScript strip, then its module-runner pass
 * that turns ESM into something CommonJS can run): the second map points into the first
 * step's output, the first into the user's file; composed, every generated position points at
 * the user's line. Plain VLQ decoding and encoding, no dependency.
 */
export interface RawSourceMap {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
  sourcesContent?: Array<string | null>;
}

/** [generatedColumn, sourceIndex, originalLine, originalColumn] (names dropped: stack traces do not need them). */
type Segment = [number, number, number, number] | [number];

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(";")) {
    const line: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(",")) {
      if (segmentText === "") continue;
      const fields = decodeVlq(segmentText);
      column += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        originalLine += fields[2]!;
        originalColumn += fields[3]!;
        line.push([column, source, originalLine, originalColumn]);
      } else {
        line.push([column]);
      }
    }
    lines.push(line);
  }
  return lines;
}

export function encodeMappings(lines: Segment[][]): string {
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  return lines
    .map((line) => {
      let column = 0;
      return line
        .map((segment) => {
          let text = encodeVlq(segment[0] - column);
          column = segment[0];
          if (segment.length === 4) {
            text += encodeVlq(segment[1] - source) + encodeVlq(segment[2] - originalLine) + encodeVlq(segment[3] - originalColumn);
            [, source, originalLine, originalColumn] = segment;
          }
          return text;
        })
        .join(",");
    })
    .join(";");
}

/**
 * `outer` maps the final code to an intermediate one that `inner` maps to the sources: the
 * result maps the final code to `inner`'s sources. A position is looked up as the nearest
 * inner segment at or before it on the same line, as source-map consumers do.
 */
export function composeSourceMaps(outer: RawSourceMap, inner: RawSourceMap): RawSourceMap {
  const innerLines = decodeMappings(inner.mappings);
  const composed = decodeMappings(outer.mappings).map((line) =>
    line.flatMap((segment): Segment[] => {
      if (segment.length !== 4) return [];
      const target = nearestSegment(innerLines[segment[2]], segment[3]);
      return target && target.length === 4 ? [[segment[0], target[1], target[2], target[3]]] : [];
    }),
  );
  return { version: 3, sources: inner.sources, mappings: encodeMappings(composed) };
}

/** The map of code that got `count` lines prepended. */
export function shiftLines(map: RawSourceMap, count: number): RawSourceMap {
  return { ...map, mappings: ";".repeat(count) + map.mappings };
}

export function inlineSourceMapComment(map: RawSourceMap): string {
  return `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}`;
}

function nearestSegment(line: Segment[] | undefined, column: number): Segment | undefined {
  if (!line || line.length === 0) return undefined;
  let low = 0;
  let high = line.length - 1;
  let found: Segment | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (line[middle]![0] <= column) {
      found = line[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found ?? line[0];
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`invalid source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeVlq(value: number): string {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = "";
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    text += BASE64[digit];
  } while (vlq > 0);
  return text;
}
