/**
 * The errors a user meets when exporting, each turned into one line the CLI
 * can print as it is (no stack trace): Neo4j not running, wrong credentials,
 * unknown database. Credentials never appear in a message.
 */

export class Neo4jExportError extends Error {
  override readonly name = "Neo4jExportError";
  /** The Neo4j status code or Node error code behind it, when there is one. */
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}

export interface ErrorContext {
  uri: string;
  database?: string | undefined;
  username?: string | undefined;
}

/** The URI without any user:password@ part, safe to print. */
export function displayUri(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/)[^@/]*@/i, "$1");
}

const START_HINT = "Is it running? (start one with: pnpm neo4j)";

// Node socket error codes as words; the driver only keeps them in its message text.
const SOCKET_REASONS: Array<[RegExp, string]> = [
  [/ECONNREFUSED/, "connection refused"],
  [/ENOTFOUND|EAI_AGAIN/, "host not found"],
  [/ETIMEDOUT|timed out|[Tt]imeout/, "connection timed out"],
  [/ECONNRESET|EPIPE/, "connection reset (is that a Bolt port, with matching encryption settings?)"],
  [/EHOSTUNREACH|ENETUNREACH/, "host unreachable"],
];

function socketReason(message: string): string {
  for (const [pattern, reason] of SOCKET_REASONS) if (pattern.test(message)) return reason;
  return "no connection";
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}

interface DriverLikeError {
  code?: unknown;
  message?: unknown;
}

/** Turns whatever the driver threw into a `Neo4jExportError` with one clear line. */
export function toExportError(error: unknown, context: ErrorContext): Neo4jExportError {
  if (error instanceof Neo4jExportError) return error;
  const { code: rawCode, message: rawMessage } = (error ?? {}) as DriverLikeError;
  const code = typeof rawCode === "string" ? rawCode : undefined;
  const message = typeof rawMessage === "string" ? rawMessage : String(error);
  const where = `Neo4j at ${displayUri(context.uri)}`;
  const database = context.database ?? "neo4j";
  const wrap = (text: string) => new Neo4jExportError(text, { cause: error, code });

  if (code === "ServiceUnavailable" || code === "SessionExpired" || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(message)) {
    return wrap(`Cannot reach Neo4j at ${displayUri(context.uri)}: ${socketReason(message)}. ${START_HINT}`);
  }
  switch (code) {
    case "Neo.ClientError.Security.Unauthorized":
      return wrap(
        context.username
          ? `${where} rejected the login of user "${context.username}": wrong username or password.`
          : `${where} requires a login: give a username and password.`,
      );
    case "Neo.ClientError.Security.AuthenticationRateLimit":
      return wrap(`${where} refuses logins for now after too many failed attempts; wait a little and check the password.`);
    case "Neo.ClientError.Security.CredentialsExpired":
      return wrap(`${where}: the password of user "${context.username ?? "neo4j"}" must be changed first (log in once with cypher-shell or the browser).`);
    case "Neo.ClientError.Security.Forbidden":
      return wrap(`${where}: user "${context.username ?? "neo4j"}" may not write to database "${database}".`);
    case "Neo.ClientError.Database.DatabaseNotFound":
      return wrap(`${where} has no database "${database}" (Community edition has only "neo4j"; leave the database option out or create it first).`);
    case "Neo.TransientError.General.DatabaseUnavailable":
      return wrap(`${where}: database "${database}" is not available (stopped or still starting).`);
  }
  if (/scheme|url|uri/i.test(message) && !code?.startsWith("Neo.")) {
    return wrap(`Invalid Neo4j URI "${displayUri(context.uri)}": ${firstLine(message)} (expected e.g. bolt://127.0.0.1:7687 or neo4j://host:7687)`);
  }
  return wrap(`Neo4j export to ${displayUri(context.uri)} failed: ${firstLine(message)}${code ? ` [${code}]` : ""}`);
}
