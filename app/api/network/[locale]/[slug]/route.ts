import { isLocale } from "@/i18n/routing";
import { institutionNetworkAnswer } from "@/lib/charts/network-for-page";
import { apiGet, OPTIONS_HANDLER, readOnly } from "@/lib/open-data/http";
import { NotFoundError } from "@/lib/shared/errors";
import { isSlug } from "@/lib/shared/slug";

/**
 * GET /api/network/{en|zh}/{slug}: an institution's network as its page draws it (public data; the network is cached
 * by tag like the page, and the answer has an ETag, so a reload gets a 304).
 */
export const GET = apiGet(async (_request, { params }: { params: Promise<{ locale: string; slug: string }> }) => {
  const { locale, slug } = await params;
  const answer = isLocale(locale) && isSlug(slug) ? await institutionNetworkAnswer(slug, locale) : null;
  if (!answer) throw new NotFoundError(`No institution has the address ${locale}/${slug}.`);
  return { json: answer };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
