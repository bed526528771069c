import os from "node:os";
import path from "node:path";

/**
 * The temp folder fix --dry-run and suggest-fix plan their files in: the worker loads them from
 * there (extraMigrations). Its files are read once, so the transform cache leaves them out.
 */
export const FIX_OVERLAY_PREFIX = "mg-fix-";

export function isFixOverlayFile(file: string): boolean {
  const folder = path.dirname(file);
  return path.dirname(folder) === os.tmpdir() && path.basename(folder).startsWith(FIX_OVERLAY_PREFIX);
}
