import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiRequest {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}

interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion: string;
  annotations: Array<Record<string, unknown>>;
}

/**
 * A local stand-in for the GitHub REST API: the endpoints the action uses, with the token's
 * permissions switchable, and state kept across runs (a comment created by one run is found
 * and updated by the next). Every request is recorded.
 */
export class FakeGithub {
  readonly requests: ApiRequest[] = [];
  permissions = { checks: true, pullRequests: true };
  changedFiles: string[] = [];
  readonly comments: Array<{ id: number; body: string }> = [];
  readonly checkRuns: CheckRun[] = [];
  private server?: http.Server;
  private nextId = 100;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      req.on("end", () => {
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
        const path = (req.url ?? "").split("?")[0]!;
        this.requests.push({ method: req.method!, path, body });
        const [status, json] = this.handle(req.method!, path, body);
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(method: string, path: string, body: Record<string, unknown> | undefined): [number, unknown] {
    const forbidden: [number, unknown] = [403, { message: "Resource not accessible by integration" }];
    let match: RegExpExecArray | null;
    if (method === "GET" && /^\/repos\/acme\/app\/pulls\/42\/files$/.test(path)) {
      return [200, this.changedFiles.map((filename) => ({ filename, status: "modified" }))];
    }
    if (method === "POST" && path === "/repos/acme/app/check-runs") {
      if (!this.permissions.checks) return forbidden;
      const run = { id: this.nextId++, name: String(body!["name"]), head_sha: String(body!["head_sha"]), conclusion: String(body!["conclusion"]), annotations: [] };
      this.checkRuns.push(run);
      return [201, { id: run.id, html_url: `https://github.test/acme/app/runs/${run.id}` }];
    }
    if (method === "PATCH" && (match = /^\/repos\/acme\/app\/check-runs\/(\d+)$/.exec(path))) {
      const run = this.checkRuns.find((r) => r.id === Number(match![1]));
      if (!run) return [404, { message: "Not Found" }];
      const annotations = ((body!["output"] as { annotations?: unknown[] })?.annotations ?? []) as Array<Record<string, unknown>>;
      if (annotations.length > 50) return [422, { message: "Only 50 annotations are allowed per request" }];
      run.annotations.push(...annotations);
      return [200, { id: run.id }];
    }
    if (method === "GET" && path === "/repos/acme/app/issues/42/comments") return [200, this.comments];
    if (method === "POST" && path === "/repos/acme/app/issues/42/comments") {
      if (!this.permissions.pullRequests) return forbidden;
      const comment = { id: this.nextId++, body: String(body!["body"]) };
      this.comments.push(comment);
      return [201, comment];
    }
    if (method === "PATCH" && (match = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(path))) {
      if (!this.permissions.pullRequests) return forbidden;
      const comment = this.comments.find((c) => c.id === Number(match![1]));
      if (!comment) return [404, { message: "Not Found" }];
      comment.body = String(body!["body"]);
      return [200, comment];
    }
    return [404, { message: "Not Found" }];
  }
}
