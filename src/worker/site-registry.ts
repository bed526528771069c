import type { SourceLocation } from "../engine/result.js";
import { SITE_REGISTRY_GLOBAL, type SiteCallback } from "./source-sites.js";

interface RegisteredSite {
  file: string;
  line: number;
  members: Record<string, number>;
}

/** Receives the sites that transformed user modules report as they finish loading (see source-sites.ts). */
export class SiteRegistry {
  private readonly sites = new WeakMap<object, RegisteredSite>();

  install(): void {
    const callback: SiteCallback = (file, classes) => {
      for (const [cls, line, members] of classes) {
        if (typeof cls === "function") this.sites.set(cls, { file, line, members });
      }
    };
    (globalThis as Record<string, unknown>)[SITE_REGISTRY_GLOBAL] = callback;
  }

  classLocation(target: unknown): SourceLocation | undefined {
    const site = typeof target === "function" ? this.sites.get(target) : undefined;
    return site && { file: site.file, line: site.line };
  }

  /** A member's line, looked up the prototype chain (columns and relations may live on a base class). */
  memberLocation(target: unknown, member: string): SourceLocation | undefined {
    for (let cls = target; typeof cls === "function" && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      const site = this.sites.get(cls);
      const line = site?.members[member];
      if (site && line !== undefined) return { file: site.file, line };
    }
    return this.classLocation(target);
  }
}
