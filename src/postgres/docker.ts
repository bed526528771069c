import { GateError } from "../engine/errors.js";
import type { PostgresProvider, PostgresRequest } from "./provider.js";

/** testcontainers 12 needs this; older Node cannot even load it. */
const MIN_NODE = [22, 22];

function nodeTooOld(): string | undefined {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  return major < MIN_NODE[0]! || (major === MIN_NODE[0] && minor < MIN_NODE[1]!) ? `the docker provider needs Node ${MIN_NODE.join(".")} or later (this is Node ${process.versions.node})` : undefined;
}

/** Bundled CommonJS modules arrive under `default` when imported dynamically. */
function cjsExports<T extends object>(namespace: T): T {
  return (namespace as { default?: T }).default ?? namespace;
}

export function imageFor({ image, major }: PostgresRequest): string {
  return image ?? `postgres:${major}`;
}

/**
 * A container from @testcontainers/postgresql: `postgres:<major>` or the user's image (PostGIS
 * and friends). Loaded lazily, in its own chunk, only when this provider is considered.
 */
export const dockerProvider: PostgresProvider = {
  name: "docker",
  async check(request) {
    const old = nodeTooOld();
    if (old) return { ok: false, reason: old };
    try {
      const { getContainerRuntimeClient } = cjsExports(await import("testcontainers"));
      const client = await getContainerRuntimeClient();
      return { ok: true, detail: `${imageFor(request)} on ${client.info.containerRuntime.host}` };
    } catch (error) {
      return { ok: false, reason: `no Docker engine answered (${(error as Error).message.split("\n")[0]})` };
    }
  },
  async start(request) {
    const old = nodeTooOld();
    if (old) throw new GateError("docker-unavailable", `Cannot use Docker: ${old}.`, { hint: "Run the gate on Node 22 or later, or choose postgres: embedded or binaries." });
    const availability = await this.check(request);
    if (!availability.ok) {
      throw new GateError("docker-unavailable", `Cannot use Docker: ${availability.reason}.`, {
        hint: "Start Docker (or point DOCKER_HOST at an engine), or choose postgres: embedded or binaries. postgres-image needs Docker.",
      });
    }
    const image = imageFor(request);
    const { PostgreSqlContainer } = cjsExports(await import("@testcontainers/postgresql"));
    let container;
    try {
      container = await new PostgreSqlContainer(image)
        .withUsername("postgres")
        .withPassword("postgres")
        .withDatabase("postgres")
        .withTmpFs({ "/var/lib/postgresql/data": "rw" })
        .withCommand(["postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"])
        .start();
    } catch (error) {
      throw new GateError("docker-start-failed", `Could not start the ${image} container: ${(error as Error).message.split("\n")[0]}`, {
        hint: `Check that the image exists and this machine can pull it (docker pull ${image}), and that it is a Postgres image.`,
        cause: error,
      });
    }
    const started = container;
    const connection = { host: started.getHost(), port: started.getPort(), user: "postgres", password: "postgres", database: "postgres", ssl: false as const };
    let disposed = false;
    return {
      provider: `docker (${image})`,
      connection,
      serverVersion: (await import("./server-version.js").then((m) => m.serverVersion(connection))),
      // testcontainers does not watch the container; a dead server shows up as a query error.
      died: new Promise<string>(() => undefined),
      async dispose() {
        if (disposed) return;
        disposed = true;
        await started.stop({ remove: true }).catch(() => undefined);
      },
    };
  },
};
