"use client";

import "./globals.css";
import { UnavailableNotice } from "@/components/layout/unavailable-notice";

// The root layout itself failed, so there is no locale or message catalogue to rely on: both languages.
const en = {
  title: "The registry is temporarily unavailable",
  text: "We cannot reach the registry's database just now. Nothing you saved is lost. Please try again in a minute.",
  retry: "Try again",
  home: "Alliance Atlas (English)",
};
const zh = {
  title: "登记库暂时无法访问",
  text: "目前无法连接登记库的数据库。您已保存的内容不会丢失。请稍后再试。",
  retry: "重试",
  home: "Alliance Atlas（中文）",
};

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <title>Temporarily unavailable · 暂时无法访问 — Alliance Atlas</title>
        <main className="mx-auto max-w-xl px-4 py-12">
          <UnavailableNotice texts={en} homeHref="/en" error={error} retry={retry} />
          <UnavailableNotice texts={zh} lang="zh" homeHref="/zh" error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
