import type { MigrationRecord } from "../result.js";
import type { FixGroup } from "./fix-plan.js";

/**
 * TypeORM orders migrations by the 13-digit timestamp ending the class name. A fix for
 * something a later migration uses (and fails without) must sort before that migration, and
 * after the ones that create what it references: the seed incident's fix, 1740250000000, sat
 * between the two. With nothing that needs it, it goes last, at the clock's time (as
 * `migration:generate` does) or just after the newest migration when that one is in the future.
 */
export function chooseTimestamps(groups: FixGroup[], { migrations, now }: { migrations: readonly MigrationRecord[]; now: number }): void {
  const taken = new Set(migrations.flatMap((m) => (m.timestamp === undefined ? [] : [m.timestamp])));
  const newest = Math.max(0, ...taken);
  let last = Math.max(now, newest + 1) - 1;
  const free = (from: number, step: 1 | -1, floor: number) => {
    for (let t = from; t > floor; t += step) if (!taken.has(t)) return t;
    return undefined;
  };
  // Groups that must precede a migration first, in that migration's order, so each gets the latest free slot before it.
  const ordered = [...groups].sort((a, b) => (a.before?.timestamp ?? Infinity) - (b.before?.timestamp ?? Infinity));
  for (const group of ordered) {
    const floor = group.after?.timestamp ?? 0;
    const before = group.before?.timestamp;
    const slot = before !== undefined ? free(before - 1, -1, floor) : undefined;
    if (slot !== undefined) {
      group.timestamp = slot;
    } else {
      if (before !== undefined) {
        group.orderProblem = `it cannot sort before ${group.before!.name}: it needs ${group.after?.name ?? "a migration"} (${floor}), which runs later`;
      }
      last = free(last + 1, 1, -1)!;
      group.timestamp = last;
    }
    taken.add(group.timestamp);
  }
  groups.sort((a, b) => a.timestamp - b.timestamp);
}
