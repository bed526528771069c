import { GateError } from "../../engine/errors.js";
import type { MigrationFailure, MigrationRecord } from "../../engine/result.js";
import type { SiteRegistry } from "../site-registry.js";
import { stackFrames } from "../stack-frames.js";
import { createdTablesIn, touchesIn } from "../created-tables.js";
import { scanMigrationSource } from "../migration-source-scan.js";
import { statementLine } from "../../migrations/statement-line.js";
import type { DataSourceLike, MigrationLike } from "./typeorm-types.js";

interface Current {
  migration: MigrationLike;
  record: MigrationRecord;
  /** "up" while the migration's up() runs; "commit" after it returned, until the next one starts. */
  stage: "up" | "commit";
  startedAt: number;
  /** The statements it sent: kept (as what they touch) only if it fails. */
  queries: string[];
}

/**
 * Runs the whole migration chain and records, per migration, what it did and how it failed.
 * It doubles as the TypeORM logger, so every query lands in the bucket of the migration that
 * ran it. When a migration fails, it is set aside and the rest of the chain still runs, each
 * in its own transaction: that is how the gate can say which tables *no* migration creates,
 * rather than only which migration broke first.
 */
export class MigrationRecorder {
  readonly records: MigrationRecord[] = [];
  private current?: Current;
  private failedQuery?: string;
  private failedBefore = false;

  constructor(
    private readonly sites: SiteRegistry,
    private readonly onMigrationStart: (name: string) => void,
    /** Reruns: each record carries the statements its migration sent (deploy-check probes them). */
    private readonly keepStatements = false,
  ) {}

  /** The TypeORM Logger interface. */
  readonly logger = {
    logQuery: (query: string) => {
      if (this.current?.stage !== "up") return;
      this.current.record.createdTables.push(...createdTablesIn(query));
      this.current.queries.push(query);
    },
    logQueryError: (_error: unknown, query: string) => {
      this.failedQuery = query;
    },
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  async runAll(dataSource: DataSourceLike): Promise<MigrationRecord[]> {
    for (const migration of dataSource.migrations) this.wrap(migration);
    for (;;) {
      try {
        await dataSource.runMigrations({ transaction: "each" });
        this.settle();
        return this.records;
      } catch (error) {
        const failing = this.current;
        if (!failing) {
          throw new GateError("migrations-could-not-start", `TypeORM could not start the migrations: ${error instanceof Error ? error.message : String(error)}`, {
            hint: "This happened before any migration ran: check the migration class names (they must end in a 13-digit timestamp) and the migrations option.",
            cause: error,
          });
        }
        failing.record.status = "failed";
        failing.record.durationMs = Date.now() - failing.startedAt;
        failing.record.failure = this.describeFailure(error, failing);
        this.recordWouldCreate(failing);
        this.current = undefined;
        this.failedQuery = undefined;
        this.failedBefore = true;
        // Set the failed migration aside; runMigrations skips the ones already recorded as executed.
        dataSource.migrations.splice(dataSource.migrations.indexOf(failing.migration), 1);
      }
    }
  }

  private wrap(migration: MigrationLike): void {
    const up = migration.up.bind(migration);
    migration.up = async (queryRunner: unknown) => {
      this.settle();
      const name = migration.name ?? migration.constructor.name;
      const record: MigrationRecord = {
        name,
        timestamp: timestampOf(name),
        location: this.sites.classLocation(migration.constructor),
        status: "applied",
        durationMs: 0,
        createdTables: [],
        ranAfterFailure: this.failedBefore,
      };
      this.records.push(record);
      this.current = { migration, record, stage: "up", startedAt: Date.now(), queries: [] };
      if (this.keepStatements) record.statements = this.current.queries;
      this.onMigrationStart(name);
      const result = await up(queryRunner);
      this.current.stage = "commit";
      return result;
    };
  }

  /** The previous migration got as far as the next one starting (or the run ending): it is applied. */
  private settle(): void {
    if (this.current) this.current.record.durationMs = Date.now() - this.current.startedAt;
    this.current = undefined;
  }

  /**
   * A failed migration was rolled back, and the statements after the failing one never ran:
   * what it creates comes from the queries it sent and from its source, so that a table or
   * column it would create is blamed on its failure, not on "no migration".
   */
  private recordWouldCreate(failing: Current): void {
    const scanned = failing.record.location ? scanMigrationSource(failing.record.location.file) : undefined;
    const sent = touchesIn(failing.queries);
    failing.record.createdTables = [...new Set([...failing.record.createdTables, ...(scanned?.tables ?? [])])];
    const touches = { ...sent };
    for (const key of Object.keys(touches) as Array<keyof typeof touches>) touches[key] = [...new Set([...sent[key], ...(scanned?.touches[key] ?? [])])];
    failing.record.touches = touches;
  }

  private describeFailure(error: unknown, failing: Current): MigrationFailure {
    const err = error as { message?: string; query?: string; driverError?: { code?: string; message?: string }; stack?: string };
    const statement = err.query ?? this.failedQuery;
    const file = failing.record.location?.file;
    const atCommit = failing.stage === "commit" ? " (when committing, after up() returned)" : "";
    return {
      code: typeof err.driverError?.code === "string" ? err.driverError.code : undefined,
      message: (err.driverError?.message ?? err.message ?? String(error)) + atCommit,
      statement,
      statementLine: file ? (lineFromStack(err.stack, file) ?? (statement ? statementLine(file, statement) : undefined)) : undefined,
    };
  }
}

/** TypeORM's rule: the 13-digit timestamp at the end of the class name orders migrations. */
export function timestampOf(name: string): number | undefined {
  const match = /(\d{13})$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Async stack traces include the awaiting `up()` frame; with source maps on, its line is the TS line. */
export function lineFromStack(stack: string | undefined, file: string): number | undefined {
  return stackFrames(stack).find((frame) => frame.file === file)?.line;
}
