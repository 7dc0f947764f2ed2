import { notFound } from "next/navigation";

// Any unknown address under a locale renders the localized 404 (with status 404).
export default function CatchAll() {
  notFound();
}
