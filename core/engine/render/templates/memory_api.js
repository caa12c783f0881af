// The preview's stand-in for the backend: an in-memory store seeded with sample rows (nothing leaves the page).
const STORE = JSON.parse(JSON.stringify(SEED));
const NEXT = {};
Object.keys(STORE).forEach((t) => { NEXT[t] = STORE[t].reduce((m, r) => Math.max(m, r.id), 0) + 1; });

function memoryValidate(entity, data, partial) {
  const errors = [];
  entity.fields.forEach((f) => {
    const v = data[f.name];
    const missing = v === undefined || v === null || v === "";
    if (missing) {
      if (f.required && f.type !== "bool" && (!partial || f.name in data)) errors.push({ loc: ["body", f.name], msg: "Field required" });
      return;
    }
    if ((f.type === "int" || f.type === "decimal") && (Number.isNaN(Number(v)) ||
        (f.min !== null && Number(v) < f.min) || (f.max !== null && Number(v) > f.max))) {
      errors.push({ loc: ["body", f.name], msg: "Value out of range" });
    }
    if (f.type === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid email" });
    if (f.type === "url" && !/^https?:\/\/\S+$/.test(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid URL" });
    if (f.type === "enum" && !f.choices.includes(v)) errors.push({ loc: ["body", f.name], msg: "Not a valid choice" });
    if (f.max_length && String(v).length > f.max_length) errors.push({ loc: ["body", f.name], msg: "Too long" });
  });
  entity.relations.forEach((r) => {
    const v = data[r.field];
    if ((v === undefined || v === null) && r.required && (!partial || r.field in data)) {
      errors.push({ loc: ["body", r.field], msg: "Field required" });
    }
  });
  return errors;
}

async function api(method, path, body) {
  const [pathname, query] = path.split("?");
  const params = new URLSearchParams(query || "");
  const parts = pathname.split("/").filter(Boolean).slice(1);
  if (parts[0] === "stats") {
    const counts = {};
    Object.keys(STORE).forEach((t) => { counts[t] = STORE[t].length; });
    return { status: 200, data: counts };
  }
  if (parts[0] === "auth") {
    if (parts[1] === "login") return { status: 200, data: { access_token: "preview", token_type: "bearer" } };
    if (parts[1] === "register") return { status: 201, data: { id: 1, email: body.email } };
    return { status: 204, data: null };
  }
  if (parts[0] === "contact") return { status: 201, data: { id: 1, status: "received" } };
  if (parts[0] === "checkout") return { status: 503, data: { detail: "Payments are not configured in the preview" } };
  const entity = CONFIG.entities.find((e) => e.table === parts[0]);
  if (!entity) return { status: 404, data: { detail: "Not found" } };
  const rows = STORE[entity.table];
  const id = parts[1] ? parseInt(parts[1], 10) : null;
  const row = id === null ? null : rows.find((r) => r.id === id);
  if (id !== null && !row) return { status: 404, data: { detail: entity.name + " " + id + " not found" } };
  const checkParents = (data) => {
    for (const r of entity.relations) {
      const v = data[r.field];
      if (v !== undefined && v !== null && !STORE[r.target].some((p) => p.id === v)) {
        return { status: 404, data: { detail: r.target + " " + v + " not found" } };
      }
    }
    return null;
  };
  if (method === "GET" && row) return { status: 200, data: row };
  if (method === "GET") {
    const q = (params.get("q") || "").toLowerCase();
    const limit = parseInt(params.get("limit") || "50", 10);
    const offset = parseInt(params.get("offset") || "0", 10);
    const hits = rows.filter((r) => !q || entity.fields.some((f) =>
      ["string", "text", "email"].includes(f.type) && String(r[f.name] || "").toLowerCase().includes(q)));
    return { status: 200, data: hits.slice(offset, offset + limit) };
  }
  if (method === "DELETE") {
    STORE[entity.table] = rows.filter((r) => r.id !== id);
    return { status: 204, data: null };
  }
  const errors = memoryValidate(entity, body, method === "PATCH");
  if (errors.length) return { status: 422, data: { detail: errors } };
  const missing = checkParents(body);
  if (missing) return missing;
  if (method === "POST") {
    const created = Object.assign({ id: NEXT[entity.table]++ }, body);
    rows.push(created);
    return { status: 201, data: created };
  }
  Object.assign(row, body);
  return { status: 200, data: row };
}
