// Renders the whole interface from CONFIG through `api` (HTTP in the app, in-memory in the preview).
// Data is only ever written with textContent or form values, never as HTML.
"use strict";
(function () {
  const T = CONFIG.text;
  const state = { token: null, view: null, offset: 0, q: "", editing: null };
  const PAGE = 20;
  const root = document.getElementById("app");

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    (children || []).forEach((c) => c && node.appendChild(c));
    return node;
  }

  function storage(action, value) {
    // Sandboxed previews have no storage access: every use is optional.
    try {
      if (action === "get") return window.sessionStorage.getItem("token");
      if (action === "set") window.sessionStorage.setItem("token", value);
      if (action === "clear") window.sessionStorage.removeItem("token");
    } catch (e) {
      return null;
    }
    return null;
  }

  function errorText(data) {
    if (!data) return T.error;
    if (typeof data.detail === "string") return data.detail;
    if (Array.isArray(data.detail)) {
      return data.detail.map((d) => (d.loc || []).slice(1).join(".") + ": " + d.msg).join("; ");
    }
    return T.error;
  }

  function notify(message, isError) {
    const box = document.getElementById("status");
    box.textContent = message;
    box.className = isError ? "status error" : "status ok";
  }

  async function call(method, path, body) {
    const res = await api(method, path, body, state.token);
    if (res.status === 401 && CONFIG.features.includes("auth")) notify(T.signin_needed, true);
    return res;
  }

  function entityBy(table) {
    return CONFIG.entities.find((e) => e.table === table);
  }

  function inputFor(field, value) {
    const id = "f-" + field.name;
    let input;
    if (field.type === "enum") {
      input = el("select", { id, name: field.name, required: field.required });
      if (!field.required) input.appendChild(el("option", { value: "", text: T.none }));
      field.choices.forEach((c) => input.appendChild(el("option", { value: c, text: c.replace(/_/g, " ") })));
    } else if (field.type === "text") {
      input = el("textarea", { id, name: field.name, rows: 3, required: field.required, maxlength: field.max_length });
    } else if (field.type === "bool") {
      input = el("input", { id, name: field.name, type: "checkbox" });
      input.checked = Boolean(value);
    } else {
      const types = { int: "number", decimal: "number", date: "date", datetime: "datetime-local",
        email: "email", url: "url" };
      input = el("input", {
        id, name: field.name, type: types[field.type] || "text", required: field.required,
        min: field.min, max: field.max, maxlength: field.max_length,
        step: field.type === "decimal" ? "0.01" : field.type === "int" ? "1" : null,
      });
    }
    if (field.type !== "bool" && value !== null && value !== undefined) {
      input.value = field.type === "datetime" ? String(value).slice(0, 16) : String(value);
    }
    return input;
  }

  function readForm(form, entity) {
    const data = {};
    entity.fields.forEach((f) => {
      const input = form.elements[f.name];
      if (f.type === "bool") data[f.name] = input.checked;
      else if (input.value === "") data[f.name] = null;
      else if (f.type === "int") data[f.name] = parseInt(input.value, 10);
      else if (f.type === "decimal") data[f.name] = parseFloat(input.value);
      else data[f.name] = input.value;
    });
    entity.relations.forEach((r) => {
      const v = form.elements[r.field].value;
      data[r.field] = v === "" ? null : parseInt(v, 10);
    });
    return data;
  }

  async function relationSelect(rel, value) {
    const select = el("select", { id: "f-" + rel.field, name: rel.field, required: rel.required });
    if (!rel.required) select.appendChild(el("option", { value: "", text: T.none }));
    const target = entityBy(rel.target);
    const res = await call("GET", "/api/" + rel.target + "?limit=200");
    (res.data || []).forEach((row) => {
      const opt = el("option", { value: row.id, text: String(row[target.display] ?? "#" + row.id) });
      if (row.id === value) opt.selected = true;
      select.appendChild(opt);
    });
    return select;
  }

  async function renderForm(entity, row) {
    const form = el("form", { class: "card form", "aria-label": (row ? T.edit : T.new) + " " + entity.singular });
    form.appendChild(el("h3", { text: (row ? T.edit : T.new) + " " + entity.singular }));
    for (const f of entity.fields) {
      const wrap = el("div", { class: f.type === "bool" ? "field check" : "field" });
      wrap.appendChild(el("label", { for: "f-" + f.name, text: f.label + (f.required ? " *" : "") }));
      wrap.appendChild(inputFor(f, row ? row[f.name] : null));
      form.appendChild(wrap);
    }
    for (const r of entity.relations) {
      const wrap = el("div", { class: "field" });
      wrap.appendChild(el("label", { for: "f-" + r.field, text: r.label + (r.required ? " *" : "") }));
      wrap.appendChild(await relationSelect(r, row ? row[r.field] : null));
      form.appendChild(wrap);
    }
    const actions = el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: T.save })]);
    if (row) {
      actions.appendChild(el("button", { type: "button", text: T.cancel, onclick: () => { state.editing = null; show(entity.table); } }));
    }
    form.appendChild(actions);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const body = readForm(form, entity);
      const res = row
        ? await call("PATCH", "/api/" + entity.table + "/" + row.id, body)
        : await call("POST", "/api/" + entity.table, body);
      if (res.status === 200 || res.status === 201) {
        state.editing = null;
        notify(T.saved, false);
        show(entity.table);
      } else {
        notify(errorText(res.data), true);
      }
    });
    return form;
  }

  function cellText(entity, field, value) {
    if (value === null || value === undefined) return "";
    if (field && field.type === "bool") return value ? T.yes : T.no;
    return String(value);
  }

  async function renderList(entity) {
    const params = new URLSearchParams({ limit: PAGE, offset: state.offset });
    if (state.q) params.set("q", state.q);
    const res = await call("GET", "/api/" + entity.table + "?" + params.toString());
    const rows = res.data || [];
    const cols = entity.fields.slice(0, 5);
    const parentNames = {};
    for (const r of entity.relations) {
      const target = entityBy(r.target);
      const parents = await call("GET", "/api/" + r.target + "?limit=200");
      parentNames[r.field] = {};
      (parents.data || []).forEach((p) => { parentNames[r.field][p.id] = String(p[target.display] ?? "#" + p.id); });
    }
    const parentText = (r, id) => (id == null ? "" : parentNames[r.field][id] || "#" + id);
    const table = el("table", {}, [
      el("caption", { class: "sr-only", text: entity.label }),
      el("thead", {}, [el("tr", {}, [
        ...cols.map((f) => el("th", { scope: "col", text: f.label })),
        ...entity.relations.map((r) => el("th", { scope: "col", text: r.label })),
        el("th", { scope: "col", text: T.actions }),
      ])]),
    ]);
    const tbody = el("tbody");
    rows.forEach((row) => {
      const tr = el("tr", {}, [
        ...cols.map((f) => el("td", { "data-label": f.label, text: cellText(entity, f, row[f.name]) })),
        ...entity.relations.map((r) => el("td", { "data-label": r.label, text: parentText(r, row[r.field]) })),
      ]);
      tr.appendChild(el("td", { class: "row-actions" }, [
        el("button", { type: "button", text: T.edit, onclick: () => { state.editing = row; show(entity.table); } }),
        el("button", {
          type: "button", class: "danger", text: T.delete,
          onclick: async () => {
            if (!window.confirm(T.confirm)) return;
            const del = await call("DELETE", "/api/" + entity.table + "/" + row.id);
            if (del.status === 204) { notify(T.deleted, false); show(entity.table); } else notify(errorText(del.data), true);
          },
        }),
      ]));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    const wrap = el("div", { class: "card list" });
    const search = el("input", { type: "search", id: "search", value: state.q, placeholder: T.search, "aria-label": T.search });
    search.addEventListener("change", () => { state.q = search.value; state.offset = 0; show(entity.table); });
    wrap.appendChild(el("div", { class: "toolbar" }, [el("h2", { text: entity.label }), search]));
    wrap.appendChild(rows.length ? el("div", { class: "scroll" }, [table]) : el("p", { class: "muted", text: T.empty }));
    const pager = el("div", { class: "pager" }, [
      el("button", { type: "button", text: T.previous, disabled: state.offset === 0,
        onclick: () => { state.offset = Math.max(0, state.offset - PAGE); show(entity.table); } }),
      el("button", { type: "button", text: T.next, disabled: rows.length < PAGE,
        onclick: () => { state.offset += PAGE; show(entity.table); } }),
    ]);
    wrap.appendChild(pager);
    return wrap;
  }

  async function renderDashboard() {
    const res = await call("GET", "/api/stats");
    const grid = el("div", { class: "stats" });
    CONFIG.entities.forEach((e) => {
      grid.appendChild(el("div", { class: "card stat" }, [
        el("span", { class: "stat-value", text: String((res.data || {})[e.table] ?? 0) }),
        el("span", { class: "muted", text: e.label }),
      ]));
    });
    return el("section", { "aria-label": T.dashboard }, [el("h2", { text: T.dashboard }), grid]);
  }

  function simpleForm(title, fields, onSubmit) {
    const form = el("form", { class: "card form", "aria-label": title }, [el("h2", { text: title })]);
    fields.forEach(([name, text, type]) => {
      const input = type === "textarea"
        ? el("textarea", { id: "s-" + name, name, required: true, rows: 4 })
        : el("input", { id: "s-" + name, name, type, required: true, step: type === "number" ? "0.01" : null });
      form.appendChild(el("div", { class: "field" }, [el("label", { for: "s-" + name, text }), input]));
    });
    form.appendChild(el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: title })]));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); onSubmit(form); });
    return form;
  }

  function renderAuth() {
    const box = el("div", { class: "auth" });
    if (state.token) {
      box.appendChild(el("button", { type: "button", text: T.logout, onclick: async () => {
        await call("POST", "/api/auth/logout");
        state.token = null; storage("clear"); render();
      } }));
      return box;
    }
    const form = simpleForm(T.login, [["email", T.email, "email"], ["password", T.password, "password"]], async (f) => {
      const body = { email: f.elements.email.value, password: f.elements.password.value };
      const res = await call("POST", "/api/auth/login", body);
      if (res.status === 200) { state.token = res.data.access_token; storage("set", state.token); render(); }
      else notify(errorText(res.data), true);
    });
    form.querySelector(".actions").appendChild(el("button", { type: "button", text: T.register, onclick: async () => {
      const body = { email: form.elements.email.value, password: form.elements.password.value };
      const res = await call("POST", "/api/auth/register", body);
      notify(res.status === 201 ? T.saved : errorText(res.data), res.status !== 201);
    } }));
    box.appendChild(form);
    return box;
  }

  async function show(view) {
    state.view = view;
    const main = document.getElementById("content");
    main.replaceChildren();
    document.querySelectorAll("nav button").forEach((b) => b.setAttribute("aria-current", b.dataset.view === view ? "page" : "false"));
    if (view === "dashboard") { main.appendChild(await renderDashboard()); return; }
    if (view === "contact") {
      main.appendChild(simpleForm(T.contact, [["name", T.name, "text"], ["email", T.email, "email"], ["message", T.message, "textarea"]], async (f) => {
        const body = { name: f.elements.name.value, email: f.elements.email.value, message: f.elements.message.value };
        const res = await call("POST", "/api/contact", body);
        notify(res.status === 201 ? T.sent : errorText(res.data), res.status !== 201);
      }));
      return;
    }
    if (view === "checkout") {
      main.appendChild(simpleForm(T.checkout, [["amount", T.amount, "number"]], async (f) => {
        const res = await call("POST", "/api/checkout", { amount: parseFloat(f.elements.amount.value) });
        notify(res.status === 200 ? res.data.url : errorText(res.data), res.status !== 200);
      }));
      return;
    }
    const entity = entityBy(view);
    const layout = el("div", { class: "layout" });
    layout.appendChild(await renderList(entity));
    layout.appendChild(await renderForm(entity, state.editing));
    main.appendChild(layout);
  }

  function render() {
    root.replaceChildren();
    const nav = el("nav", { "aria-label": "Sections" });
    const views = [];
    if (CONFIG.features.includes("dashboard")) views.push(["dashboard", T.dashboard]);
    CONFIG.entities.forEach((e) => views.push([e.table, e.label]));
    if (CONFIG.features.includes("contact")) views.push(["contact", T.contact]);
    if (CONFIG.features.includes("payments")) views.push(["checkout", T.checkout]);
    views.forEach(([key, text]) => {
      const b = el("button", { type: "button", text, onclick: () => { state.offset = 0; state.q = ""; state.editing = null; show(key); } });
      b.dataset.view = key;
      nav.appendChild(b);
    });
    const header = el("header", { class: "top" }, [el("h1", { text: CONFIG.title })]);
    if (CONFIG.features.includes("auth")) header.appendChild(renderAuth());
    root.appendChild(header);
    if (CONFIG.banner) root.appendChild(el("p", { class: "banner", text: CONFIG.banner }));
    root.appendChild(nav);
    root.appendChild(el("p", { id: "status", class: "status", role: "status", "aria-live": "polite" }));
    root.appendChild(el("main", { id: "content" }));
    const linked = decodeURIComponent(window.location.hash.slice(1));
    show(state.view || (views.some(([key]) => key === linked) ? linked : views[0][0]));
  }

  state.token = storage("get");
  render();
})();
