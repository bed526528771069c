// The floor both benches compare the gate with: a cold Postgres (initdb, start, first query),
// then every migration's SQL sent as one plain script in one session.
import pg from "pg";
import { embeddedProvider } from "../src/postgres/embedded.js";

export interface FloorSample {
  wall: number;
  coldStart: number;
  ddl: number;
}

export async function measureFloor(options: { sql: string; runs: number; log?: (line: string) => void }): Promise<FloorSample[]> {
  const samples: FloorSample[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = process.hrtime.bigint();
    const server = await embeddedProvider.start({ choice: "embedded", major: 17, log: options.log ?? (() => undefined) });
    try {
      const coldStart = Number(process.hrtime.bigint() - started) / 1e6;
      const ddlStarted = process.hrtime.bigint();
      const client = new pg.Client({ ...server.connection, database: "postgres" });
      await client.connect();
      try {
        await client.query(options.sql);
      } finally {
        await client.end();
      }
      const ddl = Number(process.hrtime.bigint() - ddlStarted) / 1e6;
      samples.push({ wall: coldStart + ddl, coldStart, ddl });
    } finally {
      await server.dispose();
    }
  }
  return samples;
}
