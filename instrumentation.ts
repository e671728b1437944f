// Runs once when the server starts: the database and the upstream are opened here, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsole } = await import("./lib/startup");
  await startConsole();
}
