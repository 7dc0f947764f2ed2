/** Said above a list's filters when their counts are a sample's estimates (lib/data/search/estimate.ts). */
export function EstimatedCountsNote({ text }: { text: string }) {
  return (
    <p className="text-xs text-muted" data-testid="estimated-counts">
      {text}
    </p>
  );
}
