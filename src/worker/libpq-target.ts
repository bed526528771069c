/** Where a libpq connection string leads: for the native-driver guard and for messages. */

export interface LibpqTarget {
  host: string;
  port: string;
  database: string;
}

/** Where a libpq connection string (URL or keyword=value) leads, defaults from the environment as libpq takes them. */
export function libpqTarget(conninfo: string, env: NodeJS.ProcessEnv): LibpqTarget {
  const fields: Record<string, string> = {};
  // By hand, not with URL: `postgresql://user@/db?host=/socket/dir` (no host) is valid for libpq, not for WHATWG URL.
  const uri = /^postgres(?:ql)?:\/\/(?:([^@/?]*)@)?([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/i.exec(conninfo.trim());
  if (uri) {
    const [, userinfo, hostport, dbname, query] = uri;
    const hostMatch = /^(\[[^\]]*\]|[^:,]*)(?::(\d+))?/.exec(hostport ?? "");
    if (hostMatch?.[1]) fields["host"] = decodeURIComponent(hostMatch[1].replace(/^\[|\]$/g, ""));
    if (hostMatch?.[2]) fields["port"] = hostMatch[2];
    if (dbname) fields["dbname"] = decodeURIComponent(dbname);
    if (userinfo) fields["user"] = decodeURIComponent(userinfo.split(":")[0]!);
    for (const [key, value] of new URLSearchParams(query ?? "")) fields[key] = value;
  } else {
    for (const match of conninfo.matchAll(/(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))/g)) fields[match[1]!] = (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
  }
  const user = fields["user"] ?? env["PGUSER"] ?? env["USER"] ?? "";
  return {
    host: fields["host"] ?? fields["hostaddr"] ?? env["PGHOST"] ?? "/var/run/postgresql",
    port: fields["port"] ?? env["PGPORT"] ?? "5432",
    database: fields["dbname"] ?? env["PGDATABASE"] ?? user,
  };
}
