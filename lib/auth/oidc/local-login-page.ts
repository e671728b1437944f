// The embedded identity provider's own sign-in form: plain HTML served by its own server (not Next), with
// labelled fields, a visible focus ring, light and dark colours, and no script.
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function localLoginPage(input: { action: string; email?: string; error?: string }): string {
  const error = input.error ? `<p role="alert" class="error">${escape(input.error)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local identity provider · Subdesk</title>
<style>
:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a}
main{width:100%;max-width:22rem;padding:1.5rem;margin:1rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
h1{font-size:1.125rem;margin:0 0 .25rem}p{font-size:.875rem;color:#475569;margin:0 0 1rem}
label{display:block;font-size:.875rem;font-weight:600;margin:.75rem 0 .25rem}
input{box-sizing:border-box;width:100%;padding:.5rem .625rem;font-size:1rem;border:1px solid #64748b;border-radius:.375rem;background:inherit;color:inherit}
button{margin-top:1.25rem;width:100%;padding:.625rem;font-size:1rem;font-weight:600;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.error{color:#991b1b;background:#fef2f2;border:1px solid #fecaca;padding:.5rem;border-radius:.375rem}
@media (prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}main{background:#0f172a;border-color:#1e293b}p{color:#cbd5e1}input{border-color:#94a3b8}.error{color:#fecaca;background:#450a0a;border-color:#7f1d1d}}
</style></head>
<body><main>
<h1>Local identity provider</h1>
<p>Embedded mode's stand-in for your company's single sign-on. The people and password are in the server log.</p>
${error}
<form method="post" action="${escape(input.action)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escape(input.email ?? "")}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button>
</form>
</main></body></html>`;
}
