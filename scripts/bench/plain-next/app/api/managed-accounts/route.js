// A bare Next.js route handler proxying the list: no session, no validation, no status labels, no logs.
// What any Next.js proxy pays on this machine; issue 11's goals were set against it.
import { directClient, directListParams } from "../../../../direct.mjs";

const client = directClient(process.env.TELNYX_BASE_URL, process.env.TELNYX_API_KEY);

export const dynamic = "force-dynamic";

export async function GET() {
  const page = await client.managedAccounts.list(directListParams);
  return Response.json({ data: page.data, meta: page.meta });
}
