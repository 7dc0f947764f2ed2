// A data table that is a table from md up and a list of cards below it, in one markup: each row laid out as a block
// (a card), the column headings hidden, and each card's values named by the cells themselves. One copy of the rows,
// where a second copy as a list, hidden from md up, doubled the bytes of the pages' longest parts.

/**
 * The table's roles, stated: a table laid out as blocks loses its table semantics in some browsers unless its
 * elements say what they are. Spread on the elements: <table {...TABLE_ROLES.table}>.
 */
export const TABLE_ROLES = {
  table: { role: "table" },
  row: { role: "row" },
  rowheader: { role: "rowheader" },
  cell: { role: "cell" },
} as const;

/** The classes that lay such a table out; the cells' own padding and widths stay with each table. */
export const CARD_TABLE = {
  /** Around the table: its border and horizontal scroll from md up (the cards have their own borders). */
  frame: "md:overflow-x-auto md:rounded-md md:border md:border-line md:bg-white",
  table: "block w-full text-left text-sm md:table",
  head: "hidden md:table-header-group",
  body: "block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-line",
  /** A card below md, a table row from md up (app/globals.css: one class, as every row repeats it). */
  row: "card-row",
  /** The row's heading cell (app/globals.css), padded as the cells are; a table may pad it more. */
  rowHeader: "card-head",
  /** A cell that shows its name before its value below md (with `label` on that name). */
  cell: "card-cell",
  /** A value's name in a card; the column headings say it from md up. */
  label: "card-label",
  /** A column shown from md up only, which the card leaves out. */
  column: "card-col",
  /** The row's name, a link to its record. */
  link: "row-link",
} as const;
