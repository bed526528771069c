/**
 * What a transformed file and the worker's site registry agree on: the global the appended
 * statement calls, and what it passes. Kept apart from source-sites.ts, which imports
 * TypeScript: the worker imports this at startup, and a static import of source-sites.ts
 * made every worker compile the 14 MB TypeScript bundle before loading anything (about 0.3 s,
 * warm runs included).
 */
export const SITE_REGISTRY_GLOBAL = "__migrationGateSite";

/**
 * A decorator on the class itself (`@Index("IDX_x", ["a"])`, `@Unique(["a", "b"])`,
 * `@Check("...")`), with its literal arguments, so a finding about one of several class-level
 * indexes can point at its own line.
 */
export interface ClassDecoratorSite {
  name: string;
  line: number;
  /** String and plain template literal arguments, in order. */
  strings: string[];
  /** Array literal arguments, as their string elements. */
  arrays: string[][];
}

export type SiteCallback = (file: string, classes: Array<[unknown, number, Record<string, number>, ClassDecoratorSite[]?, string?]>) => void;
