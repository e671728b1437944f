// oidc-provider ships its in-memory store without types; it is the same Adapter the library documents.
declare module "oidc-provider/lib/adapters/memory_adapter.js" {
  const MemoryAdapter: import("oidc-provider").AdapterConstructor;
  export default MemoryAdapter;
}
