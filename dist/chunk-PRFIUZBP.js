import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  esm_default
} from "./chunk-NB5M66S4.js";

// src/postgres/server-version.ts
async function serverVersion(connection) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl === false ? false : connection.ssl });
  await client.connect();
  try {
    const result = await client.query("SHOW server_version");
    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

export {
  serverVersion
};
