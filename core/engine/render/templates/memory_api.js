// The preview's stand-in for the backend: an in-memory store seeded with sample rows (nothing leaves the page).
// It answers like the generated API: same routes, same rules, same status codes and messages.
const STORE = JSON.parse(JSON.stringify(SEED));
const NEXT = {};
const SEEDED_AT = "2026-11-20T09:00:00";
Object.keys(STORE).forEach((t) => {
  NEXT[t] = STORE[t].reduce((m, r) => Math.max(m, r.id), 0) + 1;
  STORE[t].forEach((r, i) => { if (!r.created_at) r.created_at = SEEDED_AT.replace("09:", String(9 + i).padStart(2, "0") + ":"); });
});

function reply(status, data) {
  return { status, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) };
}

function memoryValidate(entity, data, partial) {
  const errors = [];
  entity.fields.forEach((f) => {
    const v = data[f.name];
    const missing = v === undefined || v === null || (typeof v === "string" && v.trim() === "");
    if (missing) {
      if (f.required && f.type !== "bool" && (!partial || f.name in data) && !skipOnCreate(entity, f)) {
        errors.push({ loc: ["body", f.name], msg: "Field required" });
      }
      return;
    }
    if ((f.type === "int" || f.type === "decimal") && (Number.isNaN(Number(v)) ||
        (f.min !== null && Number(v) < f.min) || (f.max !== null && Number(v) > f.max))) {
      errors.push({ loc: ["body", f.name], msg: "Value out of range" });
    }
    if (f.type === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid email" });
    if (f.type === "url" && !/^https?:\/\/\S+$/.test(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid URL" });
    if (f.type === "enum" && !f.choices.includes(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid choice" });
    if (f.type === "file" && !UPLOADS[v]) errors.push({ loc: ["body", f.name], msg: "Unknown upload id" });
    if (f.max_length && String(v).length > f.max_length) errors.push({ loc: ["body", f.name], msg: "Too long" });
  });
  entity.relations.forEach((r) => {
    const v = data[r.field];
    if (r.field === entity.owner) return;
    if ((v === undefined || v === null) && r.required && (!partial || r.field in data)) {
      errors.push({ loc: ["body", r.field], msg: "Field required" });
    }
  });
  return errors;
}

function checkParents(entity, data) {
  for (const r of entity.relations) {
    const ids = Array.isArray(data[r.field]) ? data[r.field] : [data[r.field]];
    for (const v of ids) {
      if (v !== undefined && v !== null && !(STORE[r.target] || []).some((p) => p.id === v)) {
        return reply(404, { detail: entityBy(r.target).name + " " + v + " not found" });
      }
    }
  }
  return null;
}

function decorate(entity, row) {
  const out = Object.assign({}, row);
  addRatings(entity, out);
  addTotal(entity, out);
  return out;
}

function listRows(entity, params, token) {
  let rows = STORE[entity.table].slice();
  const q = (params.get("q") || "").toLowerCase();
  if (q) {
    rows = rows.filter((r) => entity.fields.some((f) =>
      ["string", "text", "email"].includes(f.type) && String(r[f.name] || "").toLowerCase().includes(q)));
  }
  entity.relations.forEach((r) => {
    const key = r.kind === "many_to_many" ? r.field.replace(/_ids$/, "_id") : r.field;
    if (!params.has(key)) return;
    const id = parseInt(params.get(key), 10);
    rows = rows.filter((row) => (r.kind === "many_to_many" ? (row[r.field] || []).includes(id) : row[r.field] === id));
  });
  if (params.get("mine") === "true" && entity.owner) {
    const me = userOf(token);
    if (!me) return reply(401, { detail: "Sign in to see your own rows (mine=true)" });
    rows = rows.filter((r) => r[entity.owner] === me.id);
  }
  const order = orderingOf(entity);
  if (order) {
    const pos = order.field || "position";
    rows.sort((a, b) => (order.link ? (a[order.link] || 0) - (b[order.link] || 0) : 0) || a[pos] - b[pos]);
  }
  const limit = parseInt(params.get("limit") || "50", 10);
  const offset = parseInt(params.get("offset") || "0", 10);
  return reply(200, rows.slice(offset, offset + limit).map((r) => decorate(entity, r)));
}

function crud(entity, method, id, body, params, token) {
  const rows = STORE[entity.table];
  const row = id === null ? null : rows.find((r) => r.id === id);
  if (id !== null && !row) return reply(404, { detail: entity.name + " " + id + " not found" });
  if (method === "GET") return row ? reply(200, decorate(entity, row)) : listRows(entity, params, token);
  const denied = guardWrite(entity, row, token);
  if (denied) return denied;
  if (method === "DELETE") {
    STORE[entity.table] = rows.filter((r) => r.id !== id);
    afterDelete(entity, row);
    return reply(204);
  }
  const data = Object.assign({}, body || {});
  const errors = memoryValidate(entity, data, method === "PATCH");
  if (errors.length) return reply(422, { detail: errors });
  const missing = checkParents(entity, data);
  if (missing) return missing;
  const refused = checkRules(entity, data, row);
  if (refused) return refused;
  if (method === "POST") return createRow(entity, data, token);
  Object.assign(row, data);
  return reply(200, decorate(entity, row));
}

function createRow(entity, data, token) {
  const replaced = replaceRating(entity, data, token);
  if (replaced) return replaced;
  const created = Object.assign({ id: NEXT[entity.table]++, created_at: new Date().toISOString().slice(0, 19) }, data);
  entity.relations.filter((r) => r.kind === "many_to_many").forEach((r) => { created[r.field] = created[r.field] || []; });
  if (entity.owner) created[entity.owner] = userOf(token).id;
  const flow = workflowOf(entity);
  if (flow) created[flow.field] = entity.fields.find((f) => f.name === flow.field).choices[0];
  const order = orderingOf(entity);
  if (order) created[order.field || "position"] = siblings(entity, order, created).length;
  STORE[entity.table].push(created);
  return reply(201, decorate(entity, created));
}

async function api(method, path, body, token) {
  const [pathname, query] = path.split("?");
  const params = new URLSearchParams(query || "");
  const parts = pathname.split("/").filter(Boolean).slice(1);
  if (parts[0] === "stats") return reply(200, memoryStats());
  if (parts[0] === "auth") return authRoute(parts[1], body, token);
  if (parts[0] === "uploads") return parts[1] ? reply(UPLOADS[parts[1]] ? 200 : 404, UPLOADS[parts[1]] ? null : { detail: "Upload " + parts[1] + " not found" }) : reply(405, { detail: "Method Not Allowed" });
  if (parts[0] === "me" && parts[1] === "favourites") return myFavourites(token, parts[2]);
  if (parts[0] === "contact") return reply(201, { id: 1, status: "received" });
  if (parts[0] === "checkout") return reply(503, { detail: "Payments are not configured in the preview" });
  const entity = CONFIG.entities.find((e) => e.table === parts[0]);
  if (!entity) return reply(404, { detail: "Not found" });
  const id = parts[1] ? parseInt(parts[1], 10) : null;
  if (parts.length > 2) return featureRoute(entity, id, parts.slice(2), method, body, token);
  return crud(entity, method, id, body, params, token);
}
