// Behaviours tied to entities: favourites, ratings, workflow transitions, comments, uploads.

function needsAccount() {
  if (CONFIG.account && !state.token) { notify(T.signin_to, true); return true; }
  return false;
}

function favouriteButton(entity, row) {
  const use = usesOf("favourites", entity.table).find((u) => u.target === entity.table);
  if (!use || !row.id) return null;
  const key = entity.table + ":" + row.id;
  const on = state.favourites.has(key);
  const button = el("button", { type: "button", class: "fav", "aria-pressed": on ? "true" : "false",
    "aria-label": on ? T.unfavourite : T.favourite, title: on ? T.unfavourite : T.favourite, text: on ? "♥" : "♡" });
  button.addEventListener("click", async () => {
    if (needsAccount()) return;
    const res = await call("POST", "/api/" + entity.table + "/" + row.id + "/favourite");
    if (res.status !== 200) { notify(errorText(res.data, res.status), true); return; }
    if (res.data.favourited) state.favourites.add(key); else state.favourites.delete(key);
    const now = res.data.favourited;
    button.setAttribute("aria-pressed", now ? "true" : "false");
    button.setAttribute("aria-label", now ? T.unfavourite : T.favourite);
    button.title = now ? T.unfavourite : T.favourite;
    button.textContent = now ? "♥" : "♡";
    notify(now ? T.favourite + " ✓" : T.unfavourite + " ✓", false);
  });
  return button;
}

async function loadFavourites() {
  state.favourites = new Set();
  if (!state.token) return;
  for (const use of usesOf("favourites")) {
    const res = await call("GET", "/api/me/favourites/" + use.target);
    rowsOf(res).forEach((r) => state.favourites.add(use.target + ":" + r.id));
  }
}

function starsText(value) {
  const full = Math.round(value || 0);
  return "★".repeat(full) + "☆".repeat(5 - full);
}

function ratingSummary(entity, row) {
  if (!usesOf("ratings", entity.table).some((u) => u.target === entity.table)) return null;
  const count = row.rating_count || 0;
  if (!count) return el("p", { class: "rating muted", text: T.no_ratings });
  const avg = Number(row.rating_average).toLocaleString(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return el("p", { class: "rating", "aria-label": T.average + ": " + avg + " / 5" }, [
    el("span", { class: "stars", "aria-hidden": "true", text: starsText(row.rating_average) }),
    el("strong", { class: "avg", text: avg }),
    el("span", { class: "muted", text: "(" + (count === 1 ? T.one_rating : fill(T.ratings, { n: count })) + ")" }),
  ]);
}

function ratingInput(entity, row) {
  const use = usesOf("ratings", entity.table).find((u) => u.target === entity.table);
  if (!use || !row.id) return null;
  const group = el("div", { class: "rate", role: "group", "aria-label": T.your_rating }, [
    el("span", { class: "muted", "aria-hidden": "true", text: T.your_rating + ":" })]);
  for (let n = 1; n <= 5; n += 1) {
    group.appendChild(el("button", { type: "button", class: "star", "aria-label": fill(T.rate, { n }), title: fill(T.rate, { n }),
      text: "★", onclick: async () => {
        if (needsAccount()) return;
        const body = { [use.field || "stars"]: n, [use.link]: row.id };
        const res = await call("POST", "/api/" + use.entity, body);
        if (res.status === 200 || res.status === 201) { await show(state.view); notify(T.saved, false); }
        else notify(errorText(res.data, res.status), true);
      } }));
  }
  return group;
}

function workflowButtons(entity, row) {
  const use = workflowOf(entity);
  if (!use) return [];
  const field = entity.fields.find((f) => f.name === use.field);
  return (use.transitions[row[use.field]] || []).map((next) => el("button", {
    type: "button", class: "step", text: "→ " + choiceLabel(field, next),
    "aria-label": fill(T.move_to, { state: choiceLabel(field, next) }),
    onclick: async () => {
      const body = { status: next };
      body[use.field] = next;
      const res = await call("POST", "/api/" + entity.table + "/" + row.id + "/transition", body);
      if (res.status === 200) { await show(state.view); notify(T.saved, false); } else notify(errorText(res.data, res.status, "workflow"), true);
    },
  }));
}

function fileLink(id, text) {
  return el("a", { class: "file", href: fileUrl(id), target: "_blank", rel: "noopener", text: "📎 " + text });
}

function formatTime(value) {
  if (!value) return "";
  return new Date(value).toLocaleString(LOCALE, { dateStyle: "medium", timeStyle: "short" });
}

async function commentsPanel(use, row) {
  const comments = entityBy(use.entity);
  const panel = el("section", { class: "card comments", "aria-label": T.comments }, [el("h3", { text: T.comments })]);
  const res = await call("GET", "/api/" + use.target + "/" + row.id + "/comments");
  const rows = rowsOf(res);
  const authors = comments.owner ? await namesOf(CONFIG.account) : {};
  const text = comments.fields.find((f) => f.type === "text") || comments.fields.find((f) => f.type === "string");
  const list = el("ol", { class: "comment-list" });
  rows.forEach((c) => {
    const who = comments.owner ? authors[c[comments.owner]] || "#" + c[comments.owner] : c.author || "";
    list.appendChild(el("li", { class: "comment" }, [
      el("p", { class: "meta" }, [el("strong", { text: who }), el("time", { datetime: c.created_at, text: formatTime(c.created_at) })]),
      el("p", { text: text ? String(c[text.name] ?? "") : "" }),
    ]));
  });
  panel.appendChild(rows.length ? list : el("p", { class: "muted", text: T.no_comments }));
  const form = el("form", { class: "form", "aria-label": T.add_comment });
  comments.fields.filter((f) => !skipInForm(comments, f)).forEach((f) => {
    const input = inputFor(comments, f, null);
    form.appendChild(el("div", { class: "field" }, [
      el("label", { for: input.id, text: (f === text ? T.add_comment : f.label) + (f.required ? " *" : "") }), input]));
  });
  form.appendChild(el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: T.post })]));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (needsAccount()) return;
    let body;
    try { body = await readForm(form, comments, null); } catch (err) { notify(err.message, true); return; }
    body[use.link] = row.id;
    const saved = await call("POST", "/api/" + use.entity, body);
    if (saved.status === 201) { await show(state.view); notify(T.saved, false); } else notify(errorText(saved.data, saved.status), true);
  });
  panel.appendChild(form);
  return panel;
}

async function renderFavourites() {
  const box = el("div", { class: "card list" }, [el("div", { class: "toolbar" }, [el("h2", { text: T.my_favourites })])]);
  if (!state.token) { box.appendChild(el("p", { class: "muted", text: T.signin_to })); return box; }
  const uses = usesOf("favourites");
  for (const use of uses) {
    const entity = entityBy(use.target);
    const rows = rowsOf(await call("GET", "/api/me/favourites/" + use.target));
    if (uses.length > 1) box.appendChild(el("h3", { text: entity.label }));
    box.appendChild(rows.length ? await renderCards(entity, rows) : el("p", { class: "muted", text: T.empty }));
  }
  return box;
}

async function balancesPanel(entity, row) {
  const res = await call("GET", "/api/" + entity.table + "/" + row.id + "/balances");
  const rows = rowsOf(res);
  const money = (v) => cellText({ type: "decimal", name: "amount" }, v);
  const panel = el("section", { class: "card", "aria-label": T.balances }, [el("h3", { text: T.balances })]);
  if (!rows.length) { panel.appendChild(el("p", { class: "muted", text: T.no_data })); return panel; }
  const body = el("tbody");
  rows.forEach((b) => body.appendChild(el("tr", {}, [
    el("td", { "data-label": T.name, text: b.name }),
    el("td", { "data-label": T.paid, class: "num", text: money(b.paid) }),
    el("td", { "data-label": T.owes, class: "num", text: money(b.owed) }),
    el("td", { "data-label": T.balance, class: "num " + (b.balance < 0 ? "neg" : "pos"), text: (b.balance > 0 ? "+" : "") + money(b.balance) }),
  ])));
  panel.appendChild(el("div", { class: "scroll" }, [el("table", {}, [
    el("thead", {}, [el("tr", {}, [T.name, T.paid, T.owes, T.balance].map((h, i) => el("th", { scope: "col", class: i ? "num" : null, text: h })))]),
    body])]));
  return panel;
}
