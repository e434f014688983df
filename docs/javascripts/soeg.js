// Search with Pagefind, in the site's language (Danish by default).
// - The header box on every page shows the first results as you type; Enter opens the search page.
// - The search page (/soeg/) takes its query, filters and order from the address, so a search
//   can be linked and bookmarked, and shows every result with filters and their counts, by
//   relevance or by date (a search by filters alone is newest first).
// Everything from the index is put on the page as text; only Pagefind's <mark> highlights are kept.

// The site's words: a page of a site in another language than Danish carries the catalog's
// translations of this script's messages (written by the build, hooks/referat/i18n.py); a Danish
// page carries none, and each message is its own Danish text. `t` fills in {name} from `values`.
const STRINGS = JSON.parse(document.getElementById("referat-strings")?.textContent || "{}");
const LANG = document.documentElement.lang || "da";
function t(message, values = {}) {
  return (STRINGS[message] || message).replace(/\{(\w+)\}/g, (all, name) => String(values[name] ?? all));
}

const FILTERS = { organ: t("Organ"), aar: t("År"), emne: t("Emne"), type: t("Type"), udfald: t("Udfald") };
const PAGE_SIZE = 20;
const HEADER_RESULTS = 5;
const HEADER_DELAY_MS = 200;

function absolute(url) {
  return new URL(url, document.baseURI).href;
}

// The archive's index is split into Pagefind bundles by period; the build's manifest lists
// them, newest first, and their periods do not overlap. Each bundle is a Pagefind instance of
// its own (one module, one worker). A search asks the newest bundle first and shows its results
// at once; the older bundles are opened after the first search, and every search after that
// asks them all and merges what they found: filter counts are added up, results by relevance
// are ranked by score (as Pagefind's own mergeIndex ranks them), and results by date are each
// bundle's, in date order, one bundle after another (mergeIndex would rank them by score and
// lose the order).
const manifests = new Map();
const archives = new Map();

function readManifest(url) {
  if (!manifests.has(url)) {
    manifests.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    }));
  }
  return manifests.get(url);
}

function openArchive(address, kind) {
  const manifestUrl = absolute(address);
  const key = `${manifestUrl}#${kind}`;
  if (!archives.has(key)) archives.set(key, loadArchive(manifestUrl, kind));
  return archives.get(key);
}

async function loadArchive(manifestUrl, kind) {
  const manifest = await readManifest(manifestUrl);
  const bundles = manifest[kind].map((b) => ({ ...b, url: new URL(b.url, manifestUrl).href }));
  if (!bundles.length) return null;  // nothing indexed yet
  const [newest, ...older] = bundles;
  const module = await import(newest.url + "pagefind.js");
  // Result URLs are root-relative; the site may live in a sub-folder (GitHub Pages).
  const root = new URL("../", manifestUrl).pathname;
  const open = async (bundle) => {
    const settings = { baseUrl: root, excerptLength: 24, metaCacheTag: bundle.tag };
    const instance = module.createInstance({ basePath: new URL(bundle.url).pathname, ...settings });
    await instance.options(settings);  // the documented way to set them; createInstance documents only basePath
    await instance.init();
    // The instances share one worker and its one WebAssembly module, which the first to load it
    // sets up; init() returns before that is done. An empty search waits until this instance is
    // ready (and returns at once), so the newest bundle's instance has the module before any
    // other asks for it: two set-ups at once leave the first one's index broken ("unreachable").
    await instance.search("");
    return instance;
  };
  const first = await open(newest);
  const archive = { newest, older, instances: [first], merged: !older.length, counted: false,
    merging: null, counting: null, onlyCounting: null, filters: {} };
  archive.merge = () => {
    archive.merging ??= Promise.all(older.map(open)).then((more) => {
      archive.instances = [first, ...more];
      archive.merged = true;
    });
    return archive.merging;
  };
  // Filter counts cover a filter's values only once its files are loaded, in every bundle.
  archive.count = () => {
    archive.counting ??= archive.merge()
      .then(() => Promise.all(archive.instances.map((i) => i.filters())))
      .then((all) => { archive.filters = addFilters(all); archive.counted = true; });
    return archive.counting;
  };
  // The counts shown before anything is asked: those of a search by `filters` alone, so they
  // match what choosing a value then finds (a search by filters reads no word index).
  archive.countOnly = (filters) => {
    archive.onlyCounting ??= archive.count()
      .then(() => Promise.all(archive.instances.map((i) => i.search(null, { filters }))))
      .then((all) => addFilters(all.map((s) => s.filters)));
    return archive.onlyCounting;
  };
  return archive;
}

function addFilters(all) {
  const total = {};
  for (const filters of all) {
    for (const [name, values] of Object.entries(filters || {})) {
      total[name] ??= {};
      for (const [value, n] of Object.entries(values)) total[name][value] = (total[name][value] || 0) + n;
    }
  }
  return total;
}

// The orders a search can have: by relevance, or by the date key, newest or oldest first.
const ORDERS = { relevans: null, nyeste: "desc", aeldste: "asc" };

async function searchBundles(instances, term, options, order, sortKey) {
  const direction = ORDERS[order];
  const asked = direction ? { ...options, sort: { [sortKey]: direction } } : options;
  const searches = await Promise.all(instances.map((i) => i.search(term, asked)));
  const lists = searches.map((s) => s.results);
  let results;
  if (!direction) results = lists.flat().sort((a, b) => b.score - a.score);
  else results = (direction === "asc" ? lists.reverse() : lists).flat();
  return { results, filters: addFilters(searches.map((s) => s.filters)) };
}

// Search the newest bundle and hand its results to `show` at once (complete = false), then,
// once the older bundles are in (and, with `counts`, the filters), the whole archive's
// (complete = true). `show` returns false when a newer search has taken over.
async function searchArchive(archive, term, options, show, { counts = false, order = "relevans", sortKey = "" } = {}) {
  const ready = counts ? archive.counted : archive.merged;
  const started = counts ? archive.counting : archive.merging;
  // Oldest first, the newest bundle's results would be the end of the list, not its start.
  if (!ready && !started && order !== "aeldste") {
    const first = await searchBundles(archive.instances.slice(0, 1), term, options, order, sortKey);
    if ((await show(first, false)) === false) return;
  }
  if (!ready) await (counts ? archive.count() : archive.merge());
  await show(await searchBundles(archive.instances, term, options, order, sortKey), true);
}

// Redrawing a list moves no one's focus: the link that had it, if still there, gets it back.
function keepFocus(container, redraw) {
  const focused = container.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
  redraw();
  if (focused) [...container.querySelectorAll("a")].find((a) => a.getAttribute("href") === focused)?.focus();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Pagefind's excerpt is HTML with <mark> around the words found: keep the marks, the rest as text.
function marked(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  return [...parsed.body.firstChild.childNodes].map(
    (node) => (node.nodeName === "MARK" ? element("mark", {}, node.textContent) : node.textContent));
}

// A result's snippet is the text around the words found. Found by filters alone, or by words of
// its title only, it has no such text: a punkt then shows the start of its decision (the search
// data's meta field), and any result leaves out the title it would begin with.
function excerpt(data, decisionMeta) {
  const out = element("p", { class: "referat-result__excerpt" });
  const parts = marked(data.excerpt || "");
  const found = parts.some((part) => typeof part !== "string");
  const decision = decisionMeta && data.meta[decisionMeta];
  if (!found && decision) out.append(decision);
  else {
    const title = data.meta.title || "";
    if (!found && typeof parts[0] === "string" && parts[0].startsWith(title)) {
      parts[0] = parts[0].slice(title.length).replace(/^[\s.:]+/, "");
    }
    out.append(...parts);
  }
  return out;
}

function plural(n, one, many) {
  return `${n.toLocaleString(LANG)} ${n === 1 ? one : many}`;
}

function describe(data) {
  return [data.meta.organ, data.meta.dato, data.meta.type].filter(Boolean).join(" · ");
}

// A result found in an attached PDF (a record of its own, at the file's address) is its punkt's,
// whose page a meta names relative to the file; it says where its words were found. The forms
// name the two metas (data-attachment-meta, data-page-meta), from the contract.
function attachmentMetas(form) {
  return { attachment: form.dataset.attachmentMeta, page: form.dataset.pageMeta };
}

function resultItem(data, headingTag, metas, decisionMeta = "") {
  const attachment = data.meta[metas.attachment];
  const page = data.meta[metas.page];
  const href = attachment && page ? new URL(page, absolute(data.url)).href : data.url;
  const link = element("a", { href }, data.meta.title || data.url);
  const item = element("li", { class: "referat-result" },
    element(headingTag, { class: "referat-result__title" }, link),
    element("p", { class: "referat-result__meta" }, describe(data)));
  if (attachment) {
    item.append(element("p", { class: "referat-result__attachment" }, t("fundet i bilag: "),
      element("a", { href: data.url }, attachment)));
  }
  item.append(excerpt(data, decisionMeta));
  return item;
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
  const metas = attachmentMetas(form);

  let latest = 0;  // a newer keystroke, or Escape, makes an older search stop drawing
  let timer = 0;
  const draw = async (query, search, complete, mine, archive) => {
    const found = await Promise.all(search.results.slice(0, HEADER_RESULTS).map((r) => r.data()));
    if (mine !== latest) return false;
    const count = plural(search.results.length, t("resultat"), t("resultater"));
    const all = `${absolute(form.dataset.searchPage)}?q=${encodeURIComponent(query)}`;
    keepFocus(panel, () => panel.replaceChildren(
      element("ul", { class: "referat-search__list" }, ...found.map((d) => resultItem(d, "p", metas))),
      element("p", { class: "referat-search__all" },
        element("a", { href: all }, complete ? t("Se alle {count}", { count }) : t("Se alle resultater")))));
    const partial = !complete && archive.older.length;
    const more = partial ? " " + t("Søger i ældre år …") : "";
    const period = archive.newest.period;
    status.textContent = search.results.length
      ? (partial ? t("{count} fra {period}", { count, period }) : count) + "." + more + " " + t("Pil ned for at gå til dem.")
      : (partial ? t("Ingen resultater for {query} i {period}", { query, period }) : t("Ingen resultater for {query}", { query })) + "." + more;
    panel.setAttribute("aria-busy", String(!complete));
    panel.hidden = false;
    return true;
  };
  input.addEventListener("input", () => {
    const mine = ++latest;
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) { hide(); status.textContent = ""; return; }
    timer = setTimeout(async () => {
      const archive = await openArchive(form.dataset.manifest, "pages");
      if (mine !== latest) return;
      if (!archive) { status.textContent = t("Ingen resultater for {query}", { query }) + "."; return; }
      await searchArchive(archive, query, {},
        (search, complete) => draw(query, search, complete, mine, archive));
    }, HEADER_DELAY_MS);
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

// A search by words is by relevance unless the reader chooses a date order; a search by
// filters alone has no relevance, and is newest first unless the reader chooses oldest first.
function orderOf(state) {
  if (state.order === "aeldste" || state.order === "nyeste") return state.order;
  return state.query ? "relevans" : "nyeste";
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  const chosen = {};
  for (const name of Object.keys(FILTERS)) {
    const values = params.getAll(name);
    if (values.length) chosen[name] = values;
  }
  const order = params.get("sorter");
  return { query: params.get("q") || "", decisionsOnly: params.get("kun") === "beslutninger", chosen,
    order: order in ORDERS ? order : "" };
}

function writeAddress(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.decisionsOnly) params.set("kun", "beslutninger");
  for (const [name, values] of Object.entries(state.chosen)) values.forEach((v) => params.append(name, v));
  if (state.order && state.order !== (state.query ? "relevans" : "nyeste")) params.set("sorter", state.order);
  history.replaceState(null, "", `${location.pathname}${params.size ? "?" + params : ""}`);
}

function sortValues(name, counts, chosen) {
  // Values with no results are left out, unless the reader has chosen them.
  const values = Object.keys(counts).filter((v) => counts[v] > 0 || chosen.includes(v));
  return name === "aar" ? values.sort().reverse() : values.sort((a, b) => a.localeCompare(b, LANG));
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
      fieldset.append(element("div", { class: "referat-filter__choice" }, box,
        element("label", { for: id }, `${value} (${(counts[name][value] || 0).toLocaleString(LANG)})`)));
    });
    groups.push(fieldset);
  }
  return groups;
}

// On a wide screen the filters are a column that is always open; on a phone a disclosure
// (closed at first), so the results start in the first screen.
function foldFilters(box) {
  const wide = matchMedia("(min-width: 60em)");
  const fit = () => { box.open = wide.matches; };
  fit();
  wide.addEventListener("change", fit);
}

function setUpSearchPage(form) {
  const input = form.querySelector("input[name=q]");
  const only = form.querySelector("input[name=kun]");
  const sort = document.getElementById("referat-sort");
  const filterBox = document.getElementById("referat-filters");
  const chosenCount = document.getElementById("referat-chosen");
  const count = document.getElementById("referat-count");
  const list = document.getElementById("referat-results");
  const decisionMeta = form.dataset.decisionMeta;
  const metas = attachmentMetas(form);
  // A search without words found nothing in an attachment: it leaves the attachments' records
  // out of its results and counts, and so do the counts shown before anything is asked. It asks
  // for every other type (a `not` filter made Pagefind read every bundle's word index, 1.5 MB at
  // 3,000 punkter), unless the reader has chosen types.
  const withoutAttachments = (archive) => {
    const kinds = Object.keys(archive.filters.type || {}).filter((k) => k !== form.dataset.attachmentKind);
    return { type: { any: kinds } };
  };
  const state = readAddress();
  let shown = [];
  foldFilters(document.getElementById("referat-filterbox"));

  // The "Vis flere" button at the end of the list shows the next PAGE_SIZE results.
  const addMore = () => {
    list.querySelector(".referat-more")?.remove();
    if (!shown.length) return;
    const more = element("button", { type: "button", class: "md-button" }, t("Vis flere ({n} tilbage)", { n: shown.length }));
    more.addEventListener("click", async () => {
      const before = list.querySelectorAll(".referat-result").length;
      const next = await Promise.all(shown.splice(0, PAGE_SIZE).map((r) => r.data()));
      list.querySelector(".referat-more")?.remove();
      list.append(...next.map((d) => resultItem(d, "h2", metas, decisionMeta)));
      addMore();
      list.querySelectorAll(".referat-result a")[before]?.focus();
    });
    list.append(element("li", { class: "referat-more" }, more));
  };

  // The order control says the order in use; relevance is no choice without words.
  const showOrder = () => {
    sort.value = orderOf(state);
    sort.querySelector("option[value=relevans]").disabled = !state.query;
    const n = Object.values(state.chosen).reduce((sum, values) => sum + values.length, 0);
    chosenCount.textContent = n ? " (" + t("{n} valgt", { n }) + ")" : "";
  };

  let generation = 0;  // a newer search makes an older one stop drawing
  const draw = async (search, complete, mine, archive) => {
    if (mine !== generation) return false;
    const what = state.decisionsOnly ? t("beslutninger") : t("referater");
    const asked = state.query || Object.keys(state.chosen).length;
    const found = plural(search.results.length, t("resultat"), t("resultater"));
    const where = complete || !archive.older.length ? "" : " " + t("i {period}", { period: archive.newest.period }) + ". " + t("Søger i ældre år …");
    const ordered = { relevans: "", nyeste: ", " + t("nyeste først"), aeldste: ", " + t("ældste først") }[orderOf(state)];
    shown = [...search.results];
    const keep = Math.max(PAGE_SIZE, list.querySelectorAll(":scope > .referat-result").length);
    const said = !asked ? t("Skriv et ord, eller vælg et filter, for at søge i {what}.", { what })
      : found + (state.query ? " " + t("for »{query}«", { query: state.query }) : "") + `${where || `${search.results.length > 1 ? ordered : ""}.`}`;
    const first = await Promise.all(shown.splice(0, keep).map((r) => r.data()));
    if (mine !== generation) return false;
    // The count changes with the list it counts, never before it.
    count.textContent = said;
    keepFocus(list, () => { list.replaceChildren(...first.map((d) => resultItem(d, "h2", metas, decisionMeta))); addMore(); });
    list.setAttribute("aria-busy", String(!complete));  // busy until the whole archive's are drawn
    if (complete) filterBox.replaceChildren(...filterGroups(search.filters || {}, state));
    return true;
  };

  const update = async () => {
    const mine = ++generation;
    writeAddress(state);
    showOrder();
    count.textContent = t("Søger …");
    list.setAttribute("aria-busy", "true");
    const archive = await openArchive(form.dataset.manifest, state.decisionsOnly ? "decisions" : "pages");
    if (mine !== generation) return;
    if (!archive) {
      count.textContent = t("Der er intet at søge i endnu.");
      list.setAttribute("aria-busy", "false");
      return;
    }
    const filters = Object.fromEntries(Object.entries(state.chosen).map(([k, v]) => [k, { any: v }]));
    if (!state.query && !Object.keys(filters).length) {
      // Nothing asked: no results, but the whole archive's filters with their counts.
      await archive.count();
      const counts = await archive.countOnly(withoutAttachments(archive));
      await draw({ results: [], filters: counts }, true, mine, archive);
      return;
    }
    if (!state.query && !filters.type) {
      await archive.count();
      Object.assign(filters, withoutAttachments(archive));
    }
    await searchArchive(archive, state.query || null, { filters },
      (search, complete) => draw(search, complete, mine, archive),
      { counts: true, order: orderOf(state), sortKey: form.dataset.sortKey });
  };

  input.value = state.query;
  only.checked = state.decisionsOnly;
  form.addEventListener("submit", (event) => { event.preventDefault(); state.query = input.value.trim(); update(); });
  input.addEventListener("input", () => { state.query = input.value.trim(); update(); });
  only.addEventListener("change", () => { state.decisionsOnly = only.checked; update(); });
  sort.addEventListener("change", () => { state.order = sort.value; update(); });
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
