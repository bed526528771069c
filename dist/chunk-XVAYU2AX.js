import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);

// src/migrations/tracking-rows.ts
function matchTrackingRows(format, available, rows) {
  const rowOf = available.map(() => -1);
  const taken = /* @__PURE__ */ new Set();
  const claim = (migration, row) => {
    if (rowOf[migration] !== -1 || taken.has(row)) return;
    rowOf[migration] = row;
    taken.add(row);
  };
  if (format !== "drizzle-journal") {
    const byName = /* @__PURE__ */ new Map();
    available.forEach((m, i) => byName.set(m.name, i));
    rows.forEach((row, r) => {
      const i = row.name !== void 0 ? byName.get(row.name) : void 0;
      if (i !== void 0) claim(i, r);
    });
  } else {
    rows.forEach((row, r) => {
      const sameWhen = available.map((m, i) => ({ m, i })).filter(({ m }) => m.when !== void 0 && m.when === row.createdAt);
      const pick = sameWhen.length === 1 ? sameWhen[0] : sameWhen.length > 1 ? sameWhen.find(({ m }) => m.hash === row.hash) : available.map((m, i) => ({ m, i })).find(({ m }) => m.hash !== void 0 && m.hash === row.hash);
      if (pick) claim(pick.i, r);
    });
  }
  return { rowOf, unknownRows: rows.map((_, r) => r).filter((r) => !taken.has(r)) };
}
function appliedNames(format, available, rows) {
  const { rowOf } = matchTrackingRows(format, available, rows);
  return new Set(available.filter((_, i) => rowOf[i] !== -1).map((m) => m.name));
}

export {
  matchTrackingRows,
  appliedNames
};
