import { backdatedMigration } from "./backdated-migration.js";
import { blockedConnection } from "./blocked-connection.js";
import { reachedOutside } from "./reached-outside.js";
import { unguardedSubprocess } from "./unguarded-subprocess.js";
import { editedMigration } from "./edited-migration.js";
import { duplicateMigrationNumber } from "./duplicate-migration-number.js";
import { futureMigrationTimestamp } from "./future-migration-timestamp.js";
import { migrationOutOfOrder } from "./migration-out-of-order.js";
import { missingMigrationFile } from "./missing-migration-file.js";
import { snapshotCollision } from "./snapshot-collision.js";
import { unlistedMigration } from "./unlisted-migration.js";
import { unregisteredMigration } from "./unregistered-migration.js";
import { columnTypeMismatch } from "./column-type-mismatch.js";
import { defaultMismatch } from "./default-mismatch.js";
import { enumValuesMismatch } from "./enum-values-mismatch.js";
import { extraCheck } from "./extra-check.js";
import { extraColumn } from "./extra-column.js";
import { extraUnique } from "./extra-unique.js";
import { extraRequiredColumn } from "./extra-required-column.js";
import { extraTable } from "./extra-table.js";
import { migrationFailed } from "./migration-failed.js";
import { missingCheck } from "./missing-check.js";
import { missingColumn } from "./missing-column.js";
import { missingEnum } from "./missing-enum.js";
import { missingForeignKey } from "./missing-foreign-key.js";
import { missingIndex } from "./missing-index.js";
import { missingPrimaryKey } from "./missing-primary-key.js";
import { missingSchema } from "./missing-schema.js";
import { missingTable } from "./missing-table.js";
import { missingUnique } from "./missing-unique.js";
import { missingView } from "./missing-view.js";
import { missingUnusedColumn } from "./missing-unused-column.js";
import { noMigrations } from "./no-migrations.js";
import { nullabilityMismatch } from "./nullability-mismatch.js";
import type { Rule } from "./rule.js";
import { unexplainedDrift } from "./unexplained-drift.js";
import { unusedIgnore } from "./unused-ignore.js";
import { skippedOnUpgrade } from "./skipped-on-upgrade.js";
import { upgradeDivergence } from "./upgrade-divergence.js";
import { irreversibleDown } from "./irreversible-down.js";
import { downBreaksUp } from "./down-breaks-up.js";
import { notIdempotent } from "./not-idempotent.js";
import { renamedMigration } from "./renamed-migration.js";
import { unusedSuppression } from "./unused-suppression.js";
import { untrackedDatabase } from "./untracked-database.js";
import { unknownAppliedMigration } from "./unknown-applied-migration.js";
import { skippedOnDeploy } from "./skipped-on-deploy.js";
import { editedAfterApply } from "./edited-after-apply.js";
import { pendingMigrationFails } from "./pending-migration-fails.js";
import { pendingMigrationFailsOnData } from "./pending-migration-fails-on-data.js";
import { dataProbeSkipped } from "./data-probe-skipped.js";
import { targetDrift } from "./target-drift.js";
import { pendingMigration } from "./pending-migration.js";

/** Every rule, in report order. unexplained-drift runs last: it reads the others' findings. */
export const RULES: readonly Rule[] = [
  unlistedMigration,
  missingMigrationFile,
  duplicateMigrationNumber,
  migrationOutOfOrder,
  futureMigrationTimestamp,
  snapshotCollision,
  editedMigration,
  backdatedMigration,
  unregisteredMigration,
  migrationFailed,
  missingSchema,
  missingTable,
  missingColumn,
  columnTypeMismatch,
  nullabilityMismatch,
  defaultMismatch,
  missingPrimaryKey,
  missingUnique,
  missingForeignKey,
  missingCheck,
  missingEnum,
  enumValuesMismatch,
  missingView,
  extraRequiredColumn,
  extraUnique,
  extraCheck,
  missingIndex,
  missingUnusedColumn,
  extraColumn,
  extraTable,
  noMigrations,
  reachedOutside,
  blockedConnection,
  unguardedSubprocess,
  unexplainedDrift,
  renamedMigration,
  skippedOnUpgrade,
  upgradeDivergence,
  notIdempotent,
  irreversibleDown,
  downBreaksUp,
  untrackedDatabase,
  unknownAppliedMigration,
  skippedOnDeploy,
  editedAfterApply,
  pendingMigrationFails,
  pendingMigrationFailsOnData,
  dataProbeSkipped,
  targetDrift,
  pendingMigration,
  unusedIgnore,
  unusedSuppression,
];

/** The rules deploy-check and baseline evaluate: about the target database, nothing else. */
export const DEPLOY_RULES: readonly Rule[] = [untrackedDatabase, unknownAppliedMigration, skippedOnDeploy, editedAfterApply, pendingMigrationFails, pendingMigrationFailsOnData, dataProbeSkipped, targetDrift, pendingMigration];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));
