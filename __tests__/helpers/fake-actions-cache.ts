import http from "node:http";

interface Entry {
  id: number;
  key: string;
  version: string;
  body: Buffer;
  committed: boolean;
}

/**
 * A local stand-in for the GitHub Actions cache service, v1 protocol (what @actions/cache speaks
 * when ACTIONS_CACHE_URL is set and ACTIONS_CACHE_SERVICE_V2 is not): look up by keys (exact,
 * then by prefix, newest first), reserve, upload in Content-Range chunks, commit, download.
 */
export class FakeActionsCache {
  readonly entries: Entry[] = [];
  readonly requests: string[] = [];
  private server?: http.Server;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What the action needs in its environment to see this service. */
  env(): NodeJS.ProcessEnv {
    return { ACTIONS_CACHE_URL: this.url, ACTIONS_RUNTIME_TOKEN: "fake-runtime-token", ACTIONS_CACHE_SERVICE_V2: "" };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, this.url);
    this.requests.push(`${req.method} ${url.pathname}`);
    const json = (status: number, value?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    const entryPath = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(url.pathname);
    if (req.method === "GET" && url.pathname === "/_apis/artifactcache/cache") {
      const version = url.searchParams.get("version");
      const committed = this.entries.filter((e) => e.committed && e.version === version).reverse();
      for (const key of (url.searchParams.get("keys") ?? "").split(",")) {
        const found = committed.find((e) => e.key === key) ?? committed.find((e) => e.key.startsWith(key));
        if (found) return json(200, { cacheKey: found.key, scope: "refs/pull/42/merge", archiveLocation: `${this.url}download/${found.id}` });
      }
      return json(204);
    }
    if (req.method === "GET" && url.pathname.startsWith("/download/")) {
      const entry = this.entries.find((e) => e.id === Number(url.pathname.split("/").pop()));
      res.writeHead(entry ? 200 : 404, { "content-length": String(entry?.body.length ?? 0) });
      return void res.end(entry?.body);
    }
    if (req.method === "POST" && url.pathname === "/_apis/artifactcache/caches") {
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
      if (this.entries.some((e) => e.key === key && e.version === version)) return json(409, { message: "already exists" });
      const entry = { id: this.entries.length + 1, key, version, body: Buffer.alloc(0), committed: false };
      this.entries.push(entry);
      return json(201, { cacheId: entry.id });
    }
    if (req.method === "PATCH" && entryPath) {
      const entry = this.entries.find((e) => e.id === Number(entryPath[1]))!;
      const start = Number(/bytes (\d+)-/.exec(String(req.headers["content-range"]))![1]);
      const grown = Buffer.alloc(Math.max(entry.body.length, start + body.length));
      entry.body.copy(grown);
      body.copy(grown, start);
      entry.body = grown;
      return json(204);
    }
    if (req.method === "POST" && entryPath) {
      this.entries.find((e) => e.id === Number(entryPath[1]))!.committed = true;
      return json(204);
    }
    json(404, { message: `no route for ${req.method} ${url.pathname}` });
  }
}
