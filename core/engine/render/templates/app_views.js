// Lists of an entity: a table (admin-like) or cards (items people rate, save and discuss), with filters.

function listParams(entity) {
  const params = new URLSearchParams({ limit: PAGE, offset: state.offset });
  if (state.q) params.set("q", state.q);
  if (state.mine && entity.owner) params.set("mine", "true");
  Object.entries(state.filter).forEach(([k, v]) => { if (v) params.set(k, v); });
  return params;
}

async function toolbar(entity, rowsShown) {
  const bar = el("div", { class: "toolbar" }, [el("h2", { text: entity.label })]);
  const tools = el("div", { class: "tools" });
  const search = el("input", { type: "search", id: "search", value: state.q, placeholder: T.search, "aria-label": T.search });
  search.addEventListener("change", () => { state.q = search.value; state.offset = 0; show(state.view); });
  tools.appendChild(search);
  for (const r of entity.relations.filter((rel) => rel.kind === "many_to_many")) {
    const key = r.field.replace(/_ids$/, "_id");
    const label = fill(T.filter, { what: r.label.toLowerCase() });
    const select = el("select", { id: "filter-" + key, "aria-label": label, title: label });
    select.appendChild(el("option", { value: "", text: label }));
    Object.entries(await namesOf(r.target)).forEach(([id, name]) => {
      select.appendChild(el("option", { value: id, text: name, selected: String(state.filter[key]) === id }));
    });
    select.addEventListener("change", () => { state.filter[key] = select.value; state.offset = 0; show(state.view); });
    tools.appendChild(select);
  }
  if (entity.owner && CONFIG.account && state.token) {
    const mine = el("input", { type: "checkbox", id: "mine-" + entity.table });
    mine.checked = state.mine;
    mine.addEventListener("change", () => { state.mine = mine.checked; state.offset = 0; show(state.view); });
    tools.appendChild(el("label", { class: "toggle", for: "mine-" + entity.table }, [mine, el("span", { text: T.mine })]));
  }
  bar.appendChild(tools);
  return bar;
}

function pager(rows) {
  return el("div", { class: "pager" }, [
    el("button", { type: "button", text: T.previous, disabled: state.offset === 0,
      onclick: () => { state.offset = Math.max(0, state.offset - PAGE); show(state.view); } }),
    el("button", { type: "button", text: T.next, disabled: rows.length < PAGE,
      onclick: () => { state.offset += PAGE; show(state.view); } }),
  ]);
}

async function parentNames(entity) {
  const names = {};
  for (const r of entity.relations) names[r.field] = await namesOf(r.target);
  return names;
}

function relationText(rel, names, value) {
  if (value === null || value === undefined) return "";
  const ids = Array.isArray(value) ? value : [value];
  return ids.map((id) => names[rel.field][id] || "#" + id).join(", ");
}

function hasDetail(entity) {
  return CONFIG.balances.some((b) => b.table === entity.table)
    || usesOf("comments", entity.table).some((u) => u.target === entity.table);
}

function rowButtons(entity, row) {
  const box = el("div", { class: "row-actions" });
  workflowButtons(entity, row).forEach((b) => box.appendChild(b));
  if (hasDetail(entity) && !showsCards(entity)) {
    box.appendChild(el("button", { type: "button", text: T.details, onclick: () => { state.detail = row.id; show(entity.table); } }));
  }
  box.appendChild(el("button", { type: "button", text: T.edit, onclick: () => { state.editing = row; show(state.view); } }));
  // Sandboxed previews may not open dialogs (no allow-modals): the button asks again in place instead.
  const del = el("button", { type: "button", class: "danger", text: T.delete });
  del.addEventListener("click", async () => {
    if (del.dataset.armed !== "yes") { del.dataset.armed = "yes"; del.textContent = T.confirm; return; }
    const res = await call("DELETE", "/api/" + entity.table + "/" + row.id);
    if (res.status === 204) { await show(state.view); notify(T.deleted, false); } else notify(errorText(res.data, res.status), true);
  });
  box.appendChild(del);
  return box;
}

function totalOf(row) {
  return typeof row.total === "number" ? row.total : null;
}

async function renderTable(entity, rows) {
  const cols = entity.fields.filter((f) => f.type !== "text" && f.type !== "file").slice(0, 5)
    .concat(entity.fields.filter((f) => f.type === "file"));
  const names = await parentNames(entity);
  const relations = entity.relations.filter((r) => r.field !== entity.owner || CONFIG.account);
  const withTotal = rows.some((r) => totalOf(r) !== null) && !entity.fields.some((f) => f.name === "total");
  const table = el("table", {}, [
    el("caption", { class: "sr-only", text: entity.label }),
    el("thead", {}, [el("tr", {}, [
      ...cols.map((f) => el("th", { scope: "col", text: f.label })),
      ...relations.map((r) => el("th", { scope: "col", text: r.label })),
      withTotal ? el("th", { scope: "col", class: "num", text: T.total }) : null,
      el("th", { scope: "col", text: T.actions }),
    ])]),
  ]);
  const tbody = el("tbody");
  rows.forEach((row) => {
    const tr = el("tr", {}, cols.map((f) => {
      const td = el("td", { "data-label": f.label, class: f.type === "decimal" || f.type === "int" ? "num" : null });
      if (f.type === "file") td.appendChild(row[f.name] ? fileLink(row[f.name], T.download) : el("span"));
      else if (workflowOf(entity) && workflowOf(entity).field === f.name) td.appendChild(badge(f, row[f.name]));
      else td.textContent = cellText(f, row[f.name]);
      return td;
    }));
    relations.forEach((r) => tr.appendChild(el("td", { "data-label": r.label, text: relationText(r, names, row[r.field]) })));
    if (withTotal) tr.appendChild(el("td", { "data-label": T.total, class: "num", text: cellText({ type: "decimal", name: "total" }, totalOf(row)) }));
    tr.appendChild(el("td", { "data-label": T.actions }, [rowButtons(entity, row)]));
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  return el("div", { class: "scroll" }, [table]);
}

function badge(field, value) {
  return el("span", { class: "badge state-" + String(value).replace(/[^a-z0-9_-]/gi, ""), text: cellText(field, value) });
}

function cardLines(entity, row) {
  const lines = [];
  entity.fields.filter((f) => f.name !== entity.display && f.type !== "file").slice(0, 3).forEach((f) => {
    const text = cellText(f, row[f.name]);
    if (text) lines.push(el("p", { class: f.type === "text" ? "clamp" : "meta", text: f.type === "text" ? text : f.label + ": " + text }));
  });
  return lines;
}

async function renderCards(entity, rows) {
  const names = await parentNames(entity);
  const grid = el("div", { class: "cards" });
  rows.forEach((row) => {
    const title = String(row[entity.display] ?? "#" + row.id);
    const picture = entity.fields.find((f) => f.type === "file" && IMAGE_NAME.test(f.name) && row[f.name]);
    const card = el("article", { class: "card item", "aria-label": title }, [
      picture ? el("img", { class: "thumb", src: fileUrl(row[picture.name]), alt: title, loading: "lazy" }) : null,
      el("div", { class: "item-head" }, [el("h3", { text: title }), favouriteButton(entity, row)]),
      ratingSummary(entity, row),
      ...cardLines(entity, row),
    ]);
    entity.relations.filter((r) => r.kind === "many_to_many").forEach((r) => {
      const chips = el("div", { class: "chips" });
      (row[r.field] || []).forEach((id) => chips.appendChild(el("span", { class: "chip", text: names[r.field][id] || "#" + id })));
      card.appendChild(chips);
    });
    card.appendChild(el("div", { class: "item-foot" }, [
      el("button", { type: "button", class: "link", text: T.details, onclick: () => { state.detail = row.id; show(entity.table); } }),
      rowButtons(entity, row),
    ]));
    grid.appendChild(card);
  });
  return grid;
}

// File fields whose uploads are pictures worth showing on a card.
const IMAGE_NAME = /(photo|image|picture|avatar|cover|logo|thumbnail|foto|imagen)/;

function showsCards(entity) {
  return usesOf("ratings", entity.table).concat(usesOf("favourites", entity.table), usesOf("comments", entity.table))
    .some((u) => u.target === entity.table);
}

async function renderDetail(entity, id) {
  const res = await call("GET", "/api/" + entity.table + "/" + id);
  const row = res.data || {};
  const title = String(row[entity.display] ?? "#" + id);
  const names = await parentNames(entity);
  const facts = el("dl", { class: "facts" });
  entity.fields.filter((f) => f.name !== entity.display).forEach((f) => {
    facts.appendChild(el("dt", { text: f.label }));
    facts.appendChild(el("dd", {}, [f.type === "file" && row[f.name] ? fileLink(row[f.name], T.download) : el("span", { text: cellText(f, row[f.name]) })]));
  });
  entity.relations.forEach((r) => {
    facts.appendChild(el("dt", { text: r.label }));
    facts.appendChild(el("dd", { text: relationText(r, names, row[r.field]) }));
  });
  if (totalOf(row) !== null && !entity.fields.some((f) => f.name === "total")) {
    facts.appendChild(el("dt", { text: T.total }));
    facts.appendChild(el("dd", { text: cellText({ type: "decimal", name: "total" }, totalOf(row)) }));
  }
  const card = el("article", { class: "card detail", "aria-label": title }, [
    el("button", { type: "button", class: "link", text: "← " + T.back, onclick: () => { state.detail = null; show(state.view); } }),
    el("div", { class: "item-head" }, [el("h2", { text: title }), favouriteButton(entity, row)]),
    ratingSummary(entity, row), ratingInput(entity, row), facts,
  ]);
  const wrap = el("div", { class: "stack" }, [card]);
  if (CONFIG.balances.some((b) => b.table === entity.table)) wrap.appendChild(await balancesPanel(entity, row));
  for (const use of usesOf("comments", entity.table).filter((u) => u.target === entity.table)) {
    wrap.appendChild(await commentsPanel(use, row));
  }
  return wrap;
}

async function renderEntity(entity) {
  if (state.detail) return renderDetail(entity, state.detail);
  if (orderingOf(entity)) return renderBoard(entity);
  const res = await call("GET", "/api/" + entity.table + "?" + listParams(entity).toString());
  const rows = rowsOf(res);
  const list = el("div", { class: "card list" }, [await toolbar(entity, rows)]);
  if (!rows.length) list.appendChild(el("p", { class: "muted", text: T.empty }));
  else list.appendChild(showsCards(entity) ? await renderCards(entity, rows) : await renderTable(entity, rows));
  list.appendChild(pager(rows));
  return el("div", { class: "layout" }, [list, await renderForm(entity, state.editing)]);
}
