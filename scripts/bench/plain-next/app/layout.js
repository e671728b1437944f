// Next requires a root layout; the app has no pages.
import { createElement } from "react";

export default function RootLayout({ children }) {
  return createElement("html", { lang: "en" }, createElement("body", null, children));
}
