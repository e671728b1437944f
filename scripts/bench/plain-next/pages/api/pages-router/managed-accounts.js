// The same bare proxy as app/api/managed-accounts/route.js, as a Pages Router API route: Node's req/res
// instead of a Web Request and Response, and none of the App Router's per-request set-up. What a Next.js
// proxy costs here when it leaves the App Router.
import { directClient, directListParams } from "../../../../direct.mjs";

const client = directClient(process.env.TELNYX_BASE_URL, process.env.TELNYX_API_KEY);

export default async function handler(_request, response) {
  const page = await client.managedAccounts.list(directListParams);
  response.status(200).json({ data: page.data, meta: page.meta });
}
