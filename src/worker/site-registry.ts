import type { SourceLocation } from "../engine/result.js";
import { SITE_REGISTRY_GLOBAL, type ClassDecoratorSite, type SiteCallback } from "./site-global.js";

interface RegisteredSite {
  file: string;
  line: number;
  members: Record<string, number>;
  decorators: ClassDecoratorSite[];
}

/** Which class-level decorator: by its name argument, or by its column list. */
export interface DecoratorQuery {
  decorator: string;
  name?: string;
  columns?: unknown;
}

/** Classes (TypeORM) and the objects top-level calls return (Drizzle tables, enums). */
function isKeyable(value: unknown): value is object {
  return typeof value === "function" || (typeof value === "object" && value !== null);
}

/** Receives the sites that transformed user modules report as they finish loading (see source-sites.ts). */
export class SiteRegistry {
  private readonly sites = new WeakMap<object, RegisteredSite>();

  install(): void {
    const callback: SiteCallback = (file, classes) => {
      for (const [value, line, members, decorators = [], mapped] of classes) {
        if (isKeyable(value)) this.sites.set(value, { file: mapped ?? file, line, members, decorators });
      }
    };
    (globalThis as Record<string, unknown>)[SITE_REGISTRY_GLOBAL] = callback;
  }

  classLocation(target: unknown): SourceLocation | undefined {
    const site = isKeyable(target) ? this.sites.get(target) : undefined;
    return site && { file: site.file, line: site.line };
  }

  /**
   * The line of a class-level decorator such as `@Index("IDX_live", ["publishedAt"], ...)`,
   * found by its name argument or its column list; undefined when none matches (the caller
   * falls back to the property or the class).
   */
  decoratorLocation(target: unknown, query: DecoratorQuery): SourceLocation | undefined {
    const site = isKeyable(target) ? this.sites.get(target) : undefined;
    const columns = Array.isArray(query.columns) ? query.columns.map(String) : undefined;
    // A named one is found by its name; an unnamed one by its columns, among unnamed ones only
    // (a property-level @Index has no class decorator, and must not borrow a named one's line).
    const found = site?.decorators.find((d) =>
      d.name !== query.decorator
        ? false
        : query.name !== undefined
          ? d.strings[0] === query.name
          : columns !== undefined && d.strings.length === 0 && d.arrays.some((array) => array.length === columns.length && array.every((c, i) => c === columns[i])),
    );
    return site && found && { file: site.file, line: found.line };
  }

  /** A member's line, looked up the prototype chain (columns and relations may live on a base class). */
  memberLocation(target: unknown, member: string): SourceLocation | undefined {
    for (let cls = target; isKeyable(cls) && cls !== Function.prototype && cls !== Object.prototype; cls = Object.getPrototypeOf(cls)) {
      const site = this.sites.get(cls);
      const line = site?.members[member];
      if (site && line !== undefined) return { file: site.file, line };
    }
    return this.classLocation(target);
  }
}
