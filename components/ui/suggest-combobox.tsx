"use client";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import type { Locale } from "@/i18n/routing";
import type { SuggestItem, SuggestType } from "@/lib/shared/types/suggest";
import { useSuggestions } from "./use-suggestions";

// The portal's one type-ahead field: the WAI-ARIA APG combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/). Focus stays in the
// text box; the highlighted option is named by aria-activedescendant. Rendered on the server as an ordinary
// text input inside the form, so it works without JavaScript:
//  - "record" mode: choosing fills a hidden input (`recordName`) with the slug while the box shows the name;
//    without JavaScript the slug stays empty and the server resolves the typed name (resolveOrganizationChoice).
//  - "text" mode: options only complete the text; the form submits what is typed.

export type SuggestComboboxProps = {
  id: string;
  /** The text box's field name. */
  name: string;
  locale: Locale;
  types: readonly SuggestType[];
  mode: "record" | "text";
  /** Record mode: the hidden field that carries the chosen record's slug. */
  recordName?: string;
  defaultText?: string;
  defaultRecord?: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  className?: string;
  onChoose?: (item: SuggestItem) => void;
};

const FOCUS = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";
const LISTBOX =
  "absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg";

export function SuggestCombobox(props: SuggestComboboxProps) {
  const { id, name, mode, recordName, invalid, describedBy, placeholder, className } = props;
  const t = useTranslations("suggest");
  const c = useCombobox(props);
  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="relative">
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={c.expanded}
        aria-controls={listId}
        aria-activedescendant={c.expanded && c.active >= 0 ? optionId(c.active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={c.text}
        maxLength={200}
        placeholder={placeholder}
        onChange={(e) => c.change(e.target.value)}
        onKeyDown={c.onKeyDown}
        onFocus={c.reopen}
        onBlur={() => c.setOpen(false)}
        className={`${className ?? ""} ${FOCUS}`}
      />
      {mode === "record" && recordName ? <input type="hidden" name={recordName} value={c.record} /> : null}
      <div id={listId} role="listbox" aria-label={t("listLabel")} hidden={!c.expanded} className={LISTBOX}>
        {c.items.map((item, i) => (
          <SuggestOption
            key={`${item.type}:${item.slug}`}
            id={optionId(i)}
            item={item}
            selected={i === c.active}
            onPick={() => c.choose(item)}
          />
        ))}
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {c.open && c.query && !c.loading ? t("results", { count: c.items.length }) : ""}
      </p>
    </div>
  );
}

/** The combobox's state: the text, the chosen record, whether the list is open and which option is lit. */
function useCombobox(props: SuggestComboboxProps) {
  const [text, setText] = useState(props.defaultText ?? "");
  const [record, setRecord] = useState(props.defaultRecord ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // No request for the text a choice just put in the box: the list would reopen on what was chosen.
  const [chosenText, setChosenText] = useState<string | null>(props.defaultText ?? null);
  const { items, query, loading } = useSuggestions(text === chosenText ? "" : text, props.types, props.locale);
  const expanded = open && items.length > 0;

  function choose(item: SuggestItem) {
    setText(item.name);
    setChosenText(item.name);
    if (props.mode === "record") setRecord(item.slug);
    setOpen(false);
    setActive(-1);
    props.onChoose?.(item);
  }
  function change(value: string) {
    setText(value);
    setChosenText(null);
    if (props.mode === "record") setRecord("");
    setOpen(value.trim() !== "");
    setActive(-1);
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
    handleKey(event, { items, expanded, active, setActive, setOpen, choose, clear: () => change("") });
  const reopen = () => setOpen(text.trim() !== "" && text !== chosenText);
  return { text, record, open, setOpen, active, items, query, loading, expanded, choose, change, onKeyDown, reopen };
}

type KeyContext = {
  items: SuggestItem[];
  expanded: boolean;
  active: number;
  setActive: (i: number) => void;
  setOpen: (open: boolean) => void;
  choose: (item: SuggestItem) => void;
  clear: () => void;
};

/** The APG combobox keys: arrows move through the list (wrapping), Home/End to its ends, Enter takes the
 * highlighted option (and does not submit the form), Escape closes the list, then clears the box. */
function handleKey(event: KeyboardEvent<HTMLInputElement>, c: KeyContext) {
  const last = c.items.length - 1;
  const move = (i: number) => {
    event.preventDefault();
    c.setOpen(true);
    c.setActive(i);
  };
  switch (event.key) {
    case "ArrowDown":
      if (last >= 0) move(!c.expanded || c.active >= last ? 0 : c.active + 1);
      break;
    case "ArrowUp":
      if (last >= 0) move(!c.expanded || c.active <= 0 ? last : c.active - 1);
      break;
    case "Home":
      if (c.expanded) move(0);
      break;
    case "End":
      if (c.expanded) move(last);
      break;
    case "Enter": {
      const item = c.expanded ? c.items[c.active] : undefined;
      if (item) {
        event.preventDefault();
        c.choose(item);
      }
      break;
    }
    case "Escape":
      event.preventDefault();
      if (c.expanded) c.setOpen(false);
      else c.clear();
      c.setActive(-1);
      break;
    case "Tab":
      c.setOpen(false);
      break;
  }
}

function SuggestOption({
  id,
  item,
  selected,
  onPick,
}: {
  id: string;
  item: SuggestItem;
  selected: boolean;
  onPick: () => void;
}) {
  const t = useTranslations("suggest");
  const hint =
    item.matched !== item.name && item.matched !== item.acronym
      ? t(
          item.matchedKind === "former"
            ? "matchedFormer"
            : item.matchedKind === "alternate"
              ? "matchedAlternate"
              : item.matchedKind === "acronym"
                ? "matchedAcronym"
                : "matchedOfficial",
          { name: item.matched },
        )
      : null;
  return (
    // Keyboard use goes through the text box (aria-activedescendant); the pointer picks here. mousedown is
    // prevented so the box keeps focus and the list does not close before the click lands.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's text box handles the keys for its options
    // biome-ignore lint/a11y/useFocusableInteractive: options are never focused (aria-activedescendant, APG)
    <div
      id={id}
      role="option"
      aria-selected={selected}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      className={`cursor-pointer px-3 py-2 text-sm ${selected ? "bg-accent text-white" : "hover:bg-slate-100"}`}
    >
      <span className="font-medium">{item.name}</span>
      {item.acronym && item.acronym !== item.name ? <span> ({item.acronym})</span> : null}
      {hint ? <span className={`block text-xs ${selected ? "text-white" : "text-muted"}`}>{hint}</span> : null}
      {item.countryName ? (
        <span className={`block text-xs ${selected ? "text-white" : "text-muted"}`}>{item.countryName}</span>
      ) : null}
    </div>
  );
}
