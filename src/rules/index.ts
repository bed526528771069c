import { blockedConnection } from "./blocked-connection.js";
import { migrationFailed } from "./migration-failed.js";
import { missingTable } from "./missing-table.js";
import { noMigrations } from "./no-migrations.js";
import type { Rule } from "./rule.js";

/** Every rule, in report order. */
export const RULES: readonly Rule[] = [migrationFailed, missingTable, noMigrations, blockedConnection];
