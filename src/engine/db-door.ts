import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import type { DbConnection } from "../worker/protocol.js";
import { DOOR_DATABASE, TRAP_PREFIX } from "../worker/guard-config.js";

/**
 * The door: the one Postgres endpoint the project's code is given. It is a Unix socket the
 * engine listens on (loopback TCP on Windows), and it forwards to the throwaway server only a
 * connection whose startup message names DOOR_DATABASE, renamed to the throwaway database. Everything else (another
 * database on a shared server, a replication connection, a variable that pointed at
 * production and now points here) is refused with a Postgres error and recorded with the time,
 * so the engine can say which program tried.
 *
 * Because the door speaks plain text to the project and TLS to the server when the server
 * wants it, the database name is always readable, which an inspection of the worker's own
 * sockets could not promise once a client had sent an SSLRequest.
 */
export interface DatabaseDoor {
  /** Where clients connect: host is the socket's folder (libpq, pg), port names the socket file. */
  host: string;
  port: number;
  /** The socket file itself (undefined on Windows, where the door is a loopback port). */
  socketPath?: string;
  /** Opens the door onto the throwaway database; until then, allowed connections wait. */
  open(upstream: DbConnection): void;
  /** The refused connections so far. */
  refused(): RefusedConnection[];
  close(): Promise<void>;
}

export interface RefusedConnection {
  /** Date.now() when it was refused. */
  at: number;
  database: string;
  user?: string;
  /** The environment variable whose trap it used, when it used one. */
  variable?: string;
  why: "other-database" | "replication";
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** libpq's default port: code that keeps a default but follows a rewritten host still lands here. */
const DOOR_PORT = 5432;

export async function openDatabaseDoor(options: { dir: string }): Promise<DatabaseDoor> {
  let upstream: DbConnection | undefined;
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const refused: RefusedConnection[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    void serve(client).catch(() => client.destroy());
  });

  async function serve(client: net.Socket): Promise<void> {
    const reader = new PacketReader(client);
    for (;;) {
      let packet = await reader.next();
      if (!packet) return;
      const code = packet.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        // Plain text between the project and the door, so the database name stays readable.
        client.write("N");
        continue;
      }
      await ready;
      if (code === CANCEL_REQUEST) {
        // A cancel names a backend by its secret key; it goes to our server and nowhere else.
        const server = await connectUpstream(upstream!);
        server.end(packet);
        client.end();
        return;
      }
      const params = startupParameters(packet);
      const database = params["database"] ?? params["user"] ?? "";
      const replication = params["replication"];
      const why = replication && !/^(false|off|no|0)$/i.test(replication) ? "replication" : database !== DOOR_DATABASE ? "other-database" : undefined;
      if (why) {
        const variable = database.startsWith(TRAP_PREFIX) ? database.slice(TRAP_PREFIX.length) : undefined;
        refused.push({ at: Date.now(), database, user: params["user"], variable, why });
        client.end(errorResponse(refusal(why, database, variable)));
        return;
      }
      const server = await connectUpstream(upstream!);
      sockets.add(server);
      // The project knows the throwaway database as DOOR_DATABASE; the server by its real name.
      packet = startupPacket(code, { ...params, database: upstream!.database });
      server.on("close", () => sockets.delete(server));
      server.on("error", () => client.destroy());
      client.on("close", () => server.destroy());
      server.write(packet);
      const rest = reader.rest();
      if (rest.length) server.write(rest);
      client.pipe(server);
      server.pipe(client);
      return;
    }
  }

  let socketPath: string | undefined;
  let dir: string | undefined;
  if (process.platform === "win32") {
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  } else {
    // Socket paths are limited to about 100 bytes: the caller's folder must be short.
    dir = path.join(options.dir, "door");
    fs.mkdirSync(dir, { mode: 0o700 });
    socketPath = path.join(dir, `.s.PGSQL.${DOOR_PORT}`);
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(socketPath, resolve));
    // The worker may run as another user only when the gate is root; the folder stays 0700 otherwise.
    fs.chmodSync(socketPath, 0o777);
  }
  const address = server.address();
  return {
    host: dir ?? "127.0.0.1",
    port: dir ? DOOR_PORT : (address as net.AddressInfo).port,
    socketPath,
    open(connection) {
      upstream = connection;
      opened();
    },
    refused: () => [...refused],
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refusal(why: RefusedConnection["why"], database: string, variable: string | undefined): string {
  if (why === "replication") return "migration-gate refused a replication connection: only the throwaway database may be used while your project is checked.";
  const what = variable ? `the database in $${variable}` : `database "${database}"`;
  return `migration-gate refused a connection to ${what}: only the throwaway database may be used while your project is checked.`;
}

/** A TCP (and, when the server asks for it, TLS) connection to the throwaway server. */
async function connectUpstream(connection: DbConnection): Promise<net.Socket> {
  const plain = net.connect({ host: connection.host, port: connection.port });
  // Postgres messages are small and answered one by one: Nagle's algorithm would hold each
  // forwarded write for the last one's ACK (pg sets this on its own sockets for the same reason).
  plain.setNoDelay(true);
  await new Promise<void>((resolve, reject) => plain.once("connect", resolve).once("error", reject));
  if (!connection.ssl) return plain;
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(SSL_REQUEST, 4);
  plain.write(request);
  const answer = await new Promise<string>((resolve, reject) => plain.once("data", (data: Buffer) => resolve(data.toString("latin1", 0, 1))).once("error", reject));
  if (answer !== "S") {
    plain.destroy();
    throw new Error(`the server at ${connection.host}:${connection.port} does not accept TLS`);
  }
  const options = typeof connection.ssl === "object" ? connection.ssl : {};
  const secure = tls.connect({ socket: plain, ...(net.isIP(connection.host) ? {} : { servername: connection.host }), ...options });
  await new Promise<void>((resolve, reject) => secure.once("secureConnect", resolve).once("error", reject));
  return secure;
}

/** Length-prefixed packets (the untyped ones a client sends before the startup completes). */
class PacketReader {
  private buffer = Buffer.alloc(0);
  private waiting?: () => void;
  private ended = false;

  constructor(private readonly socket: net.Socket) {
    socket.on("data", this.onData);
    const ended = () => {
      this.ended = true;
      this.waiting?.();
    };
    socket.on("end", ended);
    socket.on("close", ended);
  }

  private readonly onData = (chunk: Buffer) => {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.waiting?.();
  };

  async next(): Promise<Buffer | undefined> {
    for (;;) {
      if (this.buffer.length >= 4) {
        const length = this.buffer.readInt32BE(0);
        // A startup message is at most 10 000 bytes (Postgres' own limit); anything else is not Postgres.
        if (length < 8 || length > 10_000) return undefined;
        if (this.buffer.length >= length) {
          const packet = this.buffer.subarray(0, length);
          this.buffer = this.buffer.subarray(length);
          return packet;
        }
      }
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = undefined;
    }
  }

  /** Hands the socket over to a pipe: what was read past the last packet, and no more listening. */
  rest(): Buffer {
    this.socket.off("data", this.onData);
    return this.buffer;
  }
}

function startupPacket(version: number, params: Record<string, string>): Buffer {
  const body = Buffer.from(Object.entries(params).map(([key, value]) => `${key}\0${value}\0`).join("") + "\0", "utf8");
  const packet = Buffer.alloc(8 + body.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(version, 4);
  body.copy(packet, 8);
  return packet;
}

export function startupParameters(packet: Buffer): Record<string, string> {
  const fields = packet.subarray(8).toString("utf8").split("\0");
  const params: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]) params[fields[i]!] = fields[i + 1]!;
  return params;
}

/** A FATAL ErrorResponse, SQLSTATE 28000 (invalid authorization): what psql and pg print. */
function errorResponse(message: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C28000`, `M${message}`].map((field) => Buffer.concat([Buffer.from(field, "utf8"), Buffer.from([0])]));
  const body = Buffer.concat([...fields, Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
