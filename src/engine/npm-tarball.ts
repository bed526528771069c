import crypto from "node:crypto";
import zlib from "node:zlib";

/**
 * One file out of a package tarball from the npm registry, checked against the integrity the
 * registry published for it (pinned in our source, so a tampered mirror cannot hand us a
 * different binary). No npm process: starting npm costs more than the download.
 */
export async function fetchFileFromTarball(options: { url: string; integrity: string; file: string; timeoutMs: number }): Promise<Buffer> {
  const response = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs) });
  if (!response.ok) throw new Error(`${options.url} answered ${response.status} ${response.statusText}`);
  const tarball = Buffer.from(await response.arrayBuffer());
  const [algorithm, expected] = splitIntegrity(options.integrity);
  const actual = crypto.createHash(algorithm).update(tarball).digest("base64");
  if (actual !== expected) throw new Error(`${options.url} does not match its pinned integrity (${algorithm} ${actual}, expected ${expected})`);
  const file = tarEntry(zlib.gunzipSync(tarball), options.file);
  if (!file) throw new Error(`${options.url} has no ${options.file}`);
  return file;
}

function splitIntegrity(integrity: string): [string, string] {
  const dash = integrity.indexOf("-");
  return [integrity.slice(0, dash), integrity.slice(dash + 1)];
}

/** A regular file of a (ustar) tar archive, by path. */
export function tarEntry(tar: Buffer, wanted: string): Buffer | undefined {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined; // the end-of-archive blocks
    const name = text(header, 0, 100);
    const prefix = text(header, 345, 155);
    const size = parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156]!);
    const full = prefix ? `${prefix}/${name}` : name;
    const body = offset + 512;
    if ((type === "0" || type === "\0") && full === wanted) return Buffer.from(tar.subarray(body, body + size));
    offset = body + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

function text(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}
