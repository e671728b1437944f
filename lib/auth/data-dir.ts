// Where embedded mode keeps what it generates once (database, auth secret, demo credentials).
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";

export function dataDirectory(): string {
  const directory = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return directory;
}

/** Where generated demo passwords are kept; the sign-in page and the start-up log name this same file. */
export function demoCredentialsFile(directory = dataDirectory()): string {
  return path.join(directory, "demo-credentials.txt");
}

/** The same file as the sign-in page names it: relative to where the server runs when it is inside it. */
export function demoCredentialsFileForDisplay(): string {
  const file = demoCredentialsFile();
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
