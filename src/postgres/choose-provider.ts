import { GateError } from "../engine/errors.js";
import { binariesProvider } from "./binaries.js";
import { dockerProvider } from "./docker.js";
import { embeddedProvider } from "./embedded.js";
import { urlProvider } from "./from-url.js";
import type { PostgresProvider, PostgresRequest, ProviderName } from "./provider.js";

const PROVIDERS: Record<ProviderName, PostgresProvider> = {
  url: urlProvider,
  binaries: binariesProvider,
  embedded: embeddedProvider,
  docker: dockerProvider,
};

/**
 * `auto`, fastest first: a server the user gave (url), a local installation of the requested
 * major (no download), the embedded binaries (node_modules, cache, else one npm download),
 * Docker (an image pull and a container). An image (postgres-image) needs Docker. The log says
 * which one was used and why each one before it was not.
 */
export async function chooseProvider(request: PostgresRequest): Promise<PostgresProvider> {
  if (request.choice !== "auto") return PROVIDERS[request.choice];
  const order: ProviderName[] = request.databaseUrl ? ["url"] : request.image ? ["docker"] : ["binaries", "embedded", "docker"];
  const passedOver: string[] = [];
  for (const [index, name] of order.entries()) {
    const availability = await PROVIDERS[name].check(request);
    if (availability.ok) {
      const untried = order.slice(index + 1);
      const why = [...passedOver.map((p) => `not ${p}`), ...(untried.length ? [`${untried.join(", ")} not needed`] : [])];
      request.log(`Postgres provider: ${name}: ${availability.detail}${why.length ? ` (${why.join("; ")})` : ""}`);
      return PROVIDERS[name];
    }
    passedOver.push(`${name}: ${availability.reason}`);
  }
  throw new GateError("no-postgres-provider", `No way to start Postgres ${request.major}${request.image ? ` (${request.image})` : ""} here: ${passedOver.join("; ")}.`, {
    hint: request.image
      ? "postgres-image needs a Docker engine: run the job where Docker is available, or drop postgres-image."
      : "Give database-url (--database-url) pointing at a Postgres server, install Postgres (set PGBIN), or choose a postgres-version the embedded provider offers.",
  });
}
