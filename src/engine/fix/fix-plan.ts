import type { Finding, MigrationRecord } from "../result.js";

/** One migration `fix` writes: the statements that close a group of findings that depend on each other. */
export interface FixGroup {
  /** PascalCase, says what it does: CreateSharesAndShareKeys, AddColumnsToUsers. */
  title: string;
  /** The tables it creates or changes (`schema.table`), for messages. */
  tables: string[];
  /** Idempotent statements in the order TypeORM's schema builder gave them. */
  up: string[];
  /** The reverse, in reverse order. */
  down: string[];
  /** The findings it closes (its own roots; what follows from them closes with them). */
  closes: Finding[];
  /** Set after the re-check: findings it was planned to close that the re-check still reports. */
  stillOpen?: Finding[];
  /** Epoch ms for the class name and file: after `after`, before `before`. */
  timestamp: number;
  /** The newest migration it depends on (creates a table it references), if any. */
  after?: MigrationRecord;
  /** The first migration that uses what it creates (and fails without it), if any. */
  before?: MigrationRecord;
  /** Set when it could not be ordered before `before` (it depends on something created later). */
  orderProblem?: string;
}

/** A finding no generated migration closes, and why. */
export interface UnfixedFinding {
  finding: Finding;
  why: string;
}

export interface FixPlan {
  groups: FixGroup[];
  unfixed: UnfixedFinding[];
}

/** A file `fix` writes (or, with --dry-run, would write). */
export interface FixFile {
  /** Absolute path. */
  path: string;
  content: string;
  group?: FixGroup;
  /** Set for a file that exists and is changed (drizzle's meta/_journal.json): its content before. */
  before?: string;
}
