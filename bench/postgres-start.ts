// Cold start to first query, per Postgres provider: initdb (or CREATE DATABASE), server start,
// connect, SELECT 1. Run with `npm run bench:postgres`; target median <= 1.2 s for binaries and
// embedded (binaries already present) on a 2-core machine.
import os from "node:os";
import pg from "pg";
import { binariesProvider } from "../src/postgres/binaries.js";
import { dockerProvider } from "../src/postgres/docker.js";
import { embeddedProvider } from "../src/postgres/embedded.js";
import { findLocalBinaries } from "../src/postgres/local-binaries.js";
import type { PostgresProvider, PostgresRequest } from "../src/postgres/provider.js";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
const log = () => undefined;

async function localMajor(): Promise<number | undefined> {
  for (const major of [18, 17, 16, 15, 14]) if ((await findLocalBinaries(major)).found) return major;
  return undefined;
}

async function coldStart(provider: PostgresProvider, request: PostgresRequest): Promise<number> {
  const started = process.hrtime.bigint();
  const db = await provider.start(request);
  try {
    const client = new pg.Client(db.connection);
    await client.connect();
    await client.query("SELECT 1");
    await client.end();
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await db.dispose();
  }
}

const cases: Array<{ label: string; provider: PostgresProvider; request: PostgresRequest }> = [
  { label: "embedded 17 (node_modules)", provider: embeddedProvider, request: { choice: "embedded", major: 17, log } },
];
const local = await localMajor();
if (local) cases.unshift({ label: `binaries ${local} (local install)`, provider: binariesProvider, request: { choice: "binaries", major: local, log } });
const docker = await dockerProvider.check({ choice: "docker", major: 17, log });
if (docker.ok) cases.push({ label: "docker postgres:17", provider: dockerProvider, request: { choice: "docker", major: 17, log } });

console.log(`Node ${process.version}, ${os.cpus().length} cores, ${runs} runs each: cold start to first query, ms\n`);
console.log("| Provider | Median | Min | Max |\n|---|---|---|---|");
for (const { label, provider, request } of cases) {
  await coldStart(provider, request); // warm the page cache; not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await coldStart(provider, request));
  samples.sort((a, b) => a - b);
  console.log(`| ${label} | ${Math.round(samples[Math.floor(runs / 2)]!)} | ${Math.round(samples[0]!)} | ${Math.round(samples[runs - 1]!)} |`);
}
if (!docker.ok) console.log(`\ndocker not measured: ${docker.reason}`);
