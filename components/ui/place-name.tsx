/**
 * A place name as the sources write it. There is no offline source of Chinese city names and none is invented,
 * so on a Chinese page the name stays in English and says so (lang), for screen readers and translators.
 */
export function PlaceName({ name }: { name: string }) {
  return <span lang="en">{name}</span>;
}
