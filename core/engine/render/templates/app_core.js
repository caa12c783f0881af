// Shared helpers of the interface: elements, transport, formatting, forms.
// Data is only ever written with textContent or form values, never as HTML.
const T = CONFIG.text;
const state = { token: null, me: null, view: null, offset: 0, q: "", filter: {}, mine: false, editing: null,
  detail: null, favourites: new Set() };
const PAGE = 20;
const root = document.getElementById("app");
const LOCALE = CONFIG.language === "es" ? "es-ES" : "en-GB";
const MONEY = ["price", "unit_price", "amount", "cost", "total", "salary", "fee", "rate", "budget"];

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

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
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

function errorText(data, status, conflict) {
  // Spanish apps say what happened in Spanish; the API's own (English) detail is kept for English apps.
  if (CONFIG.language !== "en") {
    if (status === 409 && data && /unique values/.test(String(data.detail))) return T.conflict_unique;
    if (status === 409 && conflict) return T["conflict_" + conflict];
    if (status === 422 && data && data.detail) {
      const names = Array.isArray(data.detail) ? data.detail.map((d) => String((d.loc || []).slice(-1)[0]))
        : String(data.detail).split(/[^A-Za-z0-9_]+/);
      const labels = CONFIG.entities.flatMap((e) => e.fields.concat(e.relations.map((r) => ({ name: r.field, label: r.label }))))
        .filter((f) => names.includes(f.name)).map((f) => f.label);
      return T.status_422 + (labels.length ? ": " + Array.from(new Set(labels)).join(", ") : "");
    }
    if (T["status_" + status]) return T["status_" + status];
  }
  if (!data) return T["status_" + status] || T.error;
  if (typeof data.detail === "string") return data.detail;
  if (Array.isArray(data.detail)) {
    return data.detail.map((d) => {
      const name = (d.loc || []).slice(1).join(".");
      const field = CONFIG.entities.flatMap((e) => e.fields).find((f) => f.name === name);
      return (field ? field.label : name) + ": " + d.msg;
    }).join("; ");
  }
  return T.error;
}

function notify(message, isError) {
  const box = document.getElementById("status");
  box.textContent = message;
  box.className = isError ? "status error" : "status ok";
  box.setAttribute("role", isError ? "alert" : "status");
}

async function call(method, path, body) {
  const res = await api(method, path, body, state.token);
  if (res.status === 401 && CONFIG.account) notify(T.signin_needed, true);
  return res;
}

function rowsOf(res) {
  // A list endpoint's rows; an error answer (an object with `detail`) reads as no rows.
  return res.status === 200 && Array.isArray(res.data) ? res.data : [];
}

function entityBy(table) {
  return CONFIG.entities.find((e) => e.table === table);
}

function usesOf(name, table) {
  return CONFIG.uses.filter((u) => u.name === name && (!table || u.entity === table || u.target === table));
}

function workflowOf(entity) {
  return CONFIG.uses.find((u) => u.name === "workflow" && u.entity === entity.table);
}

function orderingOf(entity) {
  return CONFIG.uses.find((u) => u.name === "ordering" && u.entity === entity.table);
}

function bookingOf(entity) {
  return CONFIG.uses.find((u) => u.name === "booking_slots" && u.entity === entity.table);
}

function choiceLabel(field, value) {
  const i = (field.choices || []).indexOf(value);
  return i >= 0 && field.choice_labels ? field.choice_labels[i] : String(value).replace(/_/g, " ");
}

function cellText(field, value) {
  if (value === null || value === undefined || value === "") return "";
  if (!field) return String(value);
  if (field.type === "bool") return value ? T.yes : T.no;
  if (field.type === "enum") return choiceLabel(field, value);
  if (field.type === "decimal") {
    const opts = MONEY.includes(field.name) ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : {};
    return Number(value).toLocaleString(LOCALE, opts);
  }
  if (field.type === "date") return new Date(value + "T00:00").toLocaleDateString(LOCALE, { dateStyle: "medium" });
  if (field.type === "datetime") {
    return new Date(value).toLocaleString(LOCALE, { dateStyle: "medium", timeStyle: "short" });
  }
  return String(value);
}

async function namesOf(table) {
  const target = entityBy(table);
  const res = await call("GET", "/api/" + table + "?limit=200");
  const names = {};
  rowsOf(res).forEach((p) => {
    names[p.id] = String((target && p[target.display]) ?? p.name ?? p.email ?? "#" + p.id);
  });
  return names;
}

function skipInForm(entity, field) {
  // Set by the server or by their own controls: the status by transitions, the position by moves.
  const flow = workflowOf(entity);
  const order = orderingOf(entity);
  return (flow && flow.field === field.name) || (order && (order.field || "position") === field.name);
}

function inputFor(entity, field, value) {
  const id = "f-" + entity.table + "-" + field.name;
  let input;
  if (field.type === "enum") {
    input = el("select", { id, name: field.name, required: field.required });
    if (!field.required) input.appendChild(el("option", { value: "", text: T.none }));
    field.choices.forEach((c) => input.appendChild(el("option", { value: c, text: choiceLabel(field, c) })));
  } else if (field.type === "text") {
    input = el("textarea", { id, name: field.name, rows: 3, required: field.required, maxlength: field.max_length });
  } else if (field.type === "bool") {
    input = el("input", { id, name: field.name, type: "checkbox" });
    input.checked = Boolean(value);
  } else if (field.type === "file") {
    input = el("input", { id, name: field.name, type: "file", required: field.required && !value,
      accept: ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.doc,.docx" });
  } else {
    const types = { int: "number", decimal: "number", date: "date", datetime: "datetime-local",
      email: "email", url: "url" };
    input = el("input", {
      id, name: field.name, type: types[field.type] || "text", required: field.required,
      min: field.min, max: field.max, maxlength: field.max_length,
      step: field.type === "decimal" ? "0.01" : field.type === "int" ? "1" : null,
    });
    const booking = bookingOf(entity);
    if (booking && (field.name === booking.field || field.name === booking.end_field)) {
      input.min = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    }
  }
  if (!["bool", "file"].includes(field.type) && value !== null && value !== undefined) {
    input.value = field.type === "datetime" ? String(value).slice(0, 16) : String(value);
  }
  return input;
}

async function readForm(form, entity, row) {
  const data = {};
  for (const f of entity.fields) {
    const input = form.elements[f.name];
    if (!input) continue;
    if (f.type === "bool") data[f.name] = input.checked;
    else if (f.type === "file") {
      if (!input.files.length) { if (!row) data[f.name] = null; continue; }
      const up = await uploadFile(input.files[0], state.token);
      if (up.status !== 201) throw new Error(errorText(up.data, up.status));
      data[f.name] = up.data.id;
    } else if (input.value === "") data[f.name] = null;
    else if (f.type === "int") data[f.name] = parseInt(input.value, 10);
    else if (f.type === "decimal") data[f.name] = parseFloat(input.value);
    else data[f.name] = input.value;
  }
  entity.relations.forEach((r) => {
    const input = form.elements[r.field];
    if (!input) return;
    if (r.kind === "many_to_many") {
      data[r.field] = Array.from(input.selectedOptions).map((o) => parseInt(o.value, 10));
    } else data[r.field] = input.value === "" ? null : parseInt(input.value, 10);
  });
  return data;
}

async function relationSelect(entity, rel, value) {
  const many = rel.kind === "many_to_many";
  const select = el("select", { id: "f-" + entity.table + "-" + rel.field, name: rel.field,
    required: rel.required && !many, multiple: many, size: many ? 4 : null });
  if (!rel.required && !many) select.appendChild(el("option", { value: "", text: T.none }));
  const names = await namesOf(rel.target);
  Object.entries(names).forEach(([id, name]) => {
    const chosen = many ? (value || []).includes(Number(id)) : Number(id) === value;
    select.appendChild(el("option", { value: id, text: name, selected: chosen }));
  });
  return select;
}

function markInvalid(form, res) {
  // Point at the fields a 422 names (a list of errors, or a plain message that mentions them).
  Array.from(form.elements).forEach((input) => input.removeAttribute("aria-invalid"));
  if (res.status !== 422 || !res.data) return;
  const detail = res.data.detail;
  const names = Array.isArray(detail) ? detail.map((d) => String((d.loc || []).slice(-1)[0])) : String(detail).split(/[^A-Za-z0-9_]+/);
  const bad = Array.from(form.elements).filter((input) => input.name && names.includes(input.name));
  bad.forEach((input) => input.setAttribute("aria-invalid", "true"));
  if (bad.length) bad[0].focus();
}

function addFirstHint(table) {
  // A required parent with no rows yet: say so and offer the way there.
  const target = entityBy(table);
  const hidden = !target || target.hidden;
  return el("p", { class: "hint" }, [
    el("span", { text: T.add_first + " " }),
    hidden ? null : el("button", { type: "button", class: "link", text: target.label,
      onclick: () => { state.editing = null; state.detail = null; show(table); } }),
  ]);
}

async function renderForm(entity, row) {
  const title = (row ? T.edit : T.new) + " " + entity.singular.toLowerCase();
  const form = el("form", { class: "card form", "aria-label": title }, [el("h3", { text: title })]);
  for (const f of entity.fields) {
    if (skipInForm(entity, f)) continue;
    const id = "f-" + entity.table + "-" + f.name;
    const wrap = el("div", { class: f.type === "bool" ? "field check" : "field" });
    wrap.appendChild(el("label", { for: id, text: f.label + (f.required ? " *" : "") }));
    wrap.appendChild(inputFor(entity, f, row ? row[f.name] : null));
    if (f.type === "file" && row && row[f.name]) wrap.appendChild(fileLink(row[f.name], T.current_file));
    form.appendChild(wrap);
  }
  for (const r of entity.relations) {
    if (r.field === entity.owner) continue;
    const wrap = el("div", { class: "field" });
    wrap.appendChild(el("label", { for: "f-" + entity.table + "-" + r.field, text: r.label + (r.required ? " *" : "") }));
    const select = await relationSelect(entity, r, row ? row[r.field] : null);
    wrap.appendChild(select);
    if (r.required && r.kind !== "many_to_many" && !select.options.length) wrap.appendChild(addFirstHint(r.target));
    form.appendChild(wrap);
  }
  const actions = el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: T.save })]);
  if (row) {
    actions.appendChild(el("button", { type: "button", text: T.cancel, onclick: () => { state.editing = null; show(state.view); } }));
  }
  form.appendChild(actions);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let body;
    try { body = await readForm(form, entity, row); } catch (err) { notify(err.message, true); return; }
    const res = row
      ? await call("PATCH", "/api/" + entity.table + "/" + row.id, body)
      : await call("POST", "/api/" + entity.table, body);
    if (res.status === 200 || res.status === 201) {
      state.editing = null;
      await show(state.view);
      notify(T.saved, false);
    } else {
      notify(errorText(res.data, res.status, bookingOf(entity) ? "booking" : workflowOf(entity) ? "workflow" : "unique"), true);
      markInvalid(form, res);
    }
  });
  return form;
}
