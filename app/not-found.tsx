import Link from "next/link";
import "./globals.css";

// Addresses outside any locale (e.g. /xyz.php). Localized 404s are app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="font-sans">
        <main className="mx-auto max-w-xl px-4 py-24">
          <h1 className="text-2xl font-semibold">Page not found · 页面未找到</h1>
          <p className="mt-3 text-slate-700">There is no page at this address. 此地址没有页面。</p>
          <p className="mt-6">
            <Link href="/en" className="text-accent underline">
              Alliance Atlas (English)
            </Link>{" "}
            ·{" "}
            <Link href="/zh" className="text-accent underline" lang="zh">
              中文
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
