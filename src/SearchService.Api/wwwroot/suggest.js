// Tag and author autocompletion from GET /tags?prefix= and GET /authors?prefix=, through a <datalist>.
import { element } from "./dom.js";

/** Fills `list` as the user types in `input`; calls `pick` when a suggestion is chosen. */
export function suggest(input, list, lookup, pick) {
  let timer = 0;
  let pending = null;
  input.addEventListener("input", event => {
    // Choosing a datalist option arrives as an input event without an inputType (or as a replacement).
    if (!event.inputType || event.inputType === "insertReplacementText") {
      if (input.value.trim()) pick(input.value.trim());
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(async () => {
      pending?.abort();
      pending = new AbortController();
      const prefix = input.value.trim();
      if (!prefix) { list.replaceChildren(); return; }
      try {
        const values = await lookup(prefix, pending.signal);
        list.replaceChildren(...values.map(v => element("option", { value: v.value, label: `${v.value} (${v.count})` })));
      } catch (error) {
        if (error.name !== "AbortError") list.replaceChildren();
      }
    }, 120);
  });
}
