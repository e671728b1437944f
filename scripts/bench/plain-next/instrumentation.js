// Empty on purpose: without a file of its own here, Turbopack (rooted at the repository for node_modules)
// builds the console's instrumentation.ts into this app, which would then open a database and a simulator.
export function register() {}
