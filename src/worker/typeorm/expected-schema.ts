import type { ExpectedTable } from "../../schema/model.js";
import type { SiteRegistry } from "../site-registry.js";
import type { DataSourceLike, EntityMetadataLike } from "./typeorm-types.js";

/**
 * The tables TypeORM's metadata says must exist: every synchronized entity table, many-to-many
 * join tables and closure tables. Views and single-table-inheritance children have no table of
 * their own. Join tables have no class (`target` is ""), so they are located at the owning
 * relation's property.
 */
export function expectedTables(dataSource: DataSourceLike, sites: SiteRegistry): ExpectedTable[] {
  const defaultSchema = dataSource.driver.options.schema ?? "public";
  const tables: ExpectedTable[] = [];
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.tableType === "view" || metadata.tableType === "entity-child" || metadata.synchronize === false) continue;
    const base = { schema: metadata.schema ?? defaultSchema, name: metadata.tableName };
    if (metadata.tableType === "junction") {
      const owner = owningRelation(dataSource, metadata);
      tables.push({
        ...base,
        kind: "join-table",
        entityName: owner ? className(owner.owner) : metadata.name,
        relation: owner ? `${className(owner.owner)}.${owner.relation.propertyName}` : undefined,
        location: owner ? sites.memberLocation(owner.relation.target, owner.relation.propertyName) : undefined,
      });
    } else if (metadata.tableType === "closure-junction") {
      const entity = metadata.parentClosureEntityMetadata;
      tables.push({ ...base, kind: "closure-table", entityName: entity?.name ?? metadata.name, location: entity && sites.classLocation(entity.target) });
    } else {
      tables.push({ ...base, kind: "entity", entityName: metadata.name, location: sites.classLocation(metadata.target) });
    }
  }
  return tables;
}

function owningRelation(dataSource: DataSourceLike, junction: EntityMetadataLike) {
  for (const owner of dataSource.entityMetadatas) {
    const relation = owner.relations.find((r) => r.isOwning && r.junctionEntityMetadata === junction);
    if (relation) return { owner, relation };
  }
  return undefined;
}

function className(metadata: EntityMetadataLike): string {
  return typeof metadata.target === "function" ? metadata.target.name : metadata.name;
}
