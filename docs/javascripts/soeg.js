// Search with Pagefind, in Danish.
// - The header box on every page shows the first results as you type; Enter opens the search page.
// - The search page (/soeg/) takes its query and filters from the address, so a search can be
//   linked and bookmarked, and shows every result with filters and their counts.
// Everything from the index is put on the page as text; only Pagefind's <mark> highlights are kept.

const FILTERS = { organ: "Organ", aar: "År", emne: "Emne", type: "Type" };
const PAGE_SIZE = 20;
const HEADER_RESULTS = 5;
const bundles = new Map();

function absolute(url) {
  return new URL(url, document.baseURI).href;
}

function openBundle(bundleUrl) {
  const url = absolute(bundleUrl);
  if (!bundles.has(url)) {
    bundles.set(url, (async () => {
      const pagefind = await import(url + "pagefind.js");
      // Result URLs are root-relative; the site may live in a sub-folder (GitHub Pages).
      const root = new URL(url.replace(/[^/]+\/$/, ""));
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    })());
  }
  return bundles.get(url);
}

// Search results count filter values only once the filter index is loaded.
const filtersLoaded = new Map();
async function openWithFilters(bundleUrl) {
  const pagefind = await openBundle(bundleUrl);
  if (!filtersLoaded.has(bundleUrl)) filtersLoaded.set(bundleUrl, pagefind.filters());
  await filtersLoaded.get(bundleUrl);
  return pagefind;
}


function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Pagefind's excerpt is HTML with <mark> around the words found: keep the marks, the rest as text.
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const out = element("p", { class: "referat-result__excerpt" });
  for (const node of parsed.body.firstChild.childNodes) {
    out.append(node.nodeName === "MARK" ? element("mark", {}, node.textContent) : node.textContent);
  }
  return out;
}

function plural(n, one, many) {
  return `${n.toLocaleString("da-DK")} ${n === 1 ? one : many}`;
}

function describe(data) {
  return [data.meta.organ, data.meta.dato, data.meta.type].filter(Boolean).join(" · ");
}

function resultItem(data, headingTag) {
  const link = element("a", { href: data.url }, data.meta.title || data.url);
  return element("li", { class: "referat-result" },
    element(headingTag, { class: "referat-result__title" }, link),
    element("p", { class: "referat-result__meta" }, describe(data)),
    excerpt(data.excerpt));
}

// The header box ------------------------------------------------------------------------------

function setUpHeader(form) {
  const input = form.querySelector("input[name=q]");
  const status = form.querySelector("[role=status]");
  const panel = form.querySelector(".referat-search__results");
  // No aria-expanded on the box: a search box may not carry it (it is no combobox; the arrow keys
  // move the focus into the results). The status line tells a screen reader what was found.
  const hide = () => { panel.hidden = true; };
  const links = () => [...panel.querySelectorAll("a")];

  let latest = 0;  // a newer keystroke, or Escape, makes an older search stop drawing
  input.addEventListener("input", async () => {
    const mine = ++latest;
    const query = input.value.trim();
    if (!query) { hide(); status.textContent = ""; return; }
    const pagefind = await openBundle(form.dataset.bundle);
    const search = await pagefind.debouncedSearch(query, {}, 200);
    if (search === null) return;  // a newer keystroke took over
    const found = await Promise.all(search.results.slice(0, HEADER_RESULTS).map((r) => r.data()));
    if (mine !== latest) return;
    const all = `${absolute(form.dataset.searchPage)}?q=${encodeURIComponent(query)}`;
    panel.replaceChildren(
      element("ul", { class: "referat-search__list" }, ...found.map((d) => resultItem(d, "p"))),
      element("p", { class: "referat-search__all" },
        element("a", { href: all }, `Se alle ${plural(search.results.length, "resultat", "resultater")}`)));
    status.textContent = search.results.length
      ? `${plural(search.results.length, "resultat", "resultater")}. Pil ned for at gå til dem.`
      : `Ingen resultater for ${query}.`;
    panel.hidden = false;
  });

  form.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") { latest++; hide(); input.focus(); }
    else if (event.key === "ArrowDown" && all.length) { event.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : all[at - 1]).focus(); }
  });
  document.addEventListener("click", (event) => { if (!form.contains(event.target)) hide(); });
}

// The search page -----------------------------------------------------------------------------

function readAddress() {
  const params = new URLSearchParams(location.search);
  const chosen = {};
  for (const name of Object.keys(FILTERS)) {
    const values = params.getAll(name);
    if (values.length) chosen[name] = values;
  }
  return { query: params.get("q") || "", decisionsOnly: params.get("kun") === "beslutninger", chosen };
}

function writeAddress(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.decisionsOnly) params.set("kun", "beslutninger");
  for (const [name, values] of Object.entries(state.chosen)) values.forEach((v) => params.append(name, v));
  history.replaceState(null, "", `${location.pathname}${params.size ? "?" + params : ""}`);
}

function sortValues(name, counts, chosen) {
  // Values with no results are left out, unless the reader has chosen them.
  const values = Object.keys(counts).filter((v) => counts[v] > 0 || chosen.includes(v));
  return name === "aar" ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b, "da"));
}

function filterGroups(counts, state) {
  const groups = [];
  for (const [name, label] of Object.entries(FILTERS)) {
    const values = counts[name] ? sortValues(name, counts[name], state.chosen[name] || []) : [];
    if (!values.length) continue;
    const fieldset = element("fieldset", { class: "referat-filter" }, element("legend", {}, label));
    values.forEach((value, i) => {
      const id = `filter-${name}-${i}`;
      const box = element("input", { type: "checkbox", id, name, value });
      box.checked = (state.chosen[name] || []).includes(value);
      fieldset.append(element("div", {}, box,
        element("label", { for: id }, `${value} (${counts[name][value].toLocaleString("da-DK")})`)));
    });
    groups.push(fieldset);
  }
  return groups;
}

function runSearch(pagefind, state) {
  const filters = Object.fromEntries(Object.entries(state.chosen).map(([k, v]) => [k, { any: v }]));
  if (!state.query && !Object.keys(filters).length) return { results: [], filters: null };
  return pagefind.search(state.query || null, { filters });
}

function setUpSearchPage(form) {
  const input = form.querySelector("input[name=q]");
  const only = form.querySelector("input[name=kun]");
  const filterBox = document.getElementById("referat-filters");
  const count = document.getElementById("referat-count");
  const list = document.getElementById("referat-results");
  const state = readAddress();
  let shown = [];

  const showMore = async () => {
    const next = await Promise.all(shown.splice(0, PAGE_SIZE).map((r) => r.data()));
    list.querySelector(".referat-more")?.remove();
    list.append(...next.map((d) => resultItem(d, "h2")));
    if (shown.length) {
      const more = element("button", { type: "button", class: "md-button" }, `Vis flere (${shown.length} tilbage)`);
      more.addEventListener("click", () => showMore().then(() => list.querySelectorAll("a")[list.querySelectorAll("a").length - next.length]?.focus()));
      list.append(element("li", { class: "referat-more" }, more));
    }
  };

  let generation = 0;  // a newer search makes an older one stop drawing
  const update = async () => {
    const mine = ++generation;
    writeAddress(state);
    count.textContent = "Søger …";
    const bundle = state.decisionsOnly ? form.dataset.decisions : form.dataset.bundle;
    const pagefind = await openBundle(bundle);
    const search = await runSearch(pagefind, state);
    if (mine !== generation) return;
    shown = [...search.results];
    list.replaceChildren();
    const what = state.decisionsOnly ? "beslutninger" : "referater";
    count.textContent = !state.query && !Object.keys(state.chosen).length
      ? `Skriv et ord, eller vælg et filter, for at søge i ${what}.`
      : `${plural(shown.length, "resultat", "resultater")}${state.query ? ` for »${state.query}«` : ""}.`;
    await showMore();
    // The filters' counts come second, so that the first results do not wait for them.
    await openWithFilters(bundle);
    const counted = search.filters ? await runSearch(pagefind, state) : { filters: await pagefind.filters() };
    if (mine === generation) filterBox.replaceChildren(...filterGroups(counted.filters || {}, state));
  };

  input.value = state.query;
  only.checked = state.decisionsOnly;
  form.addEventListener("submit", (event) => { event.preventDefault(); state.query = input.value.trim(); update(); });
  input.addEventListener("input", () => { state.query = input.value.trim(); update(); });
  only.addEventListener("change", () => { state.decisionsOnly = only.checked; update(); });
  filterBox.addEventListener("change", (event) => {
    const box = event.target;
    const values = new Set(state.chosen[box.name] || []);
    box.checked ? values.add(box.value) : values.delete(box.value);
    if (values.size) state.chosen[box.name] = [...values]; else delete state.chosen[box.name];
    const same = `input[name="${CSS.escape(box.name)}"][value="${CSS.escape(box.value)}"]`;
    update().then(() => filterBox.querySelector(same)?.focus());
  });
  update();
}

const header = document.querySelector("form.referat-search");
if (header) setUpHeader(header);
const page = document.querySelector("form.referat-searchpage");
if (page) setUpSearchPage(page);
