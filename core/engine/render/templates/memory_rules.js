// The preview store's rules: accounts and ownership, ratings, favourites, comments, ordering, bookings,
// workflow and many-to-many links.
const PASSWORDS = {};
const TOKENS = {};
if (CONFIG.account && !STORE[CONFIG.account]) STORE[CONFIG.account] = [];
if (CONFIG.account) NEXT[CONFIG.account] = NEXT[CONFIG.account] || STORE[CONFIG.account].length + 1;
let registered = 0;

function entityBy(table) {
  return CONFIG.entities.find((e) => e.table === table);
}

function useOf(name, table, role) {
  return CONFIG.uses.find((u) => u.name === name && u[role || "entity"] === table);
}

function workflowOf(entity) { return useOf("workflow", entity.table); }
function orderingOf(entity) { return useOf("ordering", entity.table); }

function skipOnCreate(entity, field) {
  const flow = workflowOf(entity);
  const order = orderingOf(entity);
  return (flow && flow.field === field.name) || (order && (order.field || "position") === field.name);
}

function userOf(token) {
  const id = TOKENS[token];
  return id ? STORE[CONFIG.account].find((u) => u.id === id) || null : null;
}

const SIGN_IN = "Sign in first: send 'Authorization: Bearer <token>' from POST /api/auth/login";

function publicUser(u) {
  return { id: u.id, email: u.email, role: u.role };
}

function authRoute(action, body, token) {
  if (!CONFIG.account) return reply(404, { detail: "Not found" });
  const me = userOf(token);
  if (action === "me") return me ? reply(200, publicUser(me)) : reply(401, { detail: SIGN_IN });
  if (action === "logout") {
    if (!me) return reply(401, { detail: SIGN_IN });
    delete TOKENS[token];
    return reply(204);
  }
  const email = String((body || {}).email || "").trim().toLowerCase();
  const password = String((body || {}).password || "");
  const errors = [];
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.push({ loc: ["body", "email"], msg: "value is not a valid email address" });
  if (password.length < 8 || password.length > 128) errors.push({ loc: ["body", "password"], msg: "String should have at least 8 characters" });
  if (errors.length) return reply(422, { detail: errors });
  const users = STORE[CONFIG.account];
  const existing = users.find((u) => u.email === email);
  if (action === "register") {
    if (existing) return reply(409, { detail: "An account with this email already exists" });
    registered += 1;
    const user = { id: NEXT[CONFIG.account]++, email, name: (body.name || email.split("@")[0]).trim(),
      role: registered === 1 ? "admin" : "user", created_at: new Date().toISOString().slice(0, 19) };
    users.push(user);
    PASSWORDS[user.id] = password;
    return reply(201, publicUser(user));
  }
  if (action === "login") {
    if (!existing || PASSWORDS[existing.id] !== password) return reply(401, { detail: "Invalid email or password" });
    const issued = "preview-" + existing.id + "-" + Object.keys(TOKENS).length + "-" + Math.random().toString(36).slice(2);
    TOKENS[issued] = existing.id;
    return reply(200, { access_token: issued, token_type: "bearer" });
  }
  return reply(404, { detail: "Not found" });
}

function guardWrite(entity, row, token) {
  if (!CONFIG.account) return null;
  const me = userOf(token);
  if (!me) return reply(401, { detail: SIGN_IN });
  if (row && entity.owner && row[entity.owner] !== me.id && me.role !== "admin") {
    return reply(403, { detail: "Only its owner or an admin can change this" });
  }
  return null;
}

function localNow() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function checkUnique(entity, data, row) {
  const clash = entity.fields.filter((f) => f.unique && data[f.name] !== undefined && data[f.name] !== null)
    .some((f) => STORE[entity.table].some((r) => r !== row && r[f.name] === data[f.name]));
  return clash ? reply(409, { detail: "A " + entity.var.replace(/_/g, " ") + " with these unique values already exists" }) : null;
}

function checkRules(entity, data, row) {
  const unique = checkUnique(entity, data, row);
  if (unique) return unique;
  const booking = useOf("booking_slots", entity.table);
  if (booking) {
    const merged = Object.assign({}, row || {}, data);
    const start = String(merged[booking.field] || "").slice(0, 16);
    const end = String(merged[booking.end_field] || "").slice(0, 16);
    if (start && end && end <= start) return reply(422, { detail: booking.end_field + " must be after " + booking.field });
    if (start && start < localNow() && (!row || (booking.field in data && start !== String(row[booking.field]).slice(0, 16)))) {
      return reply(422, { detail: booking.field + " cannot be in the past" });
    }
    const clash = STORE[entity.table].find((b) => (!row || b.id !== row.id) && (!booking.link || b[booking.link] === merged[booking.link])
      && String(b[booking.field]).slice(0, 16) < end && start < String(b[booking.end_field]).slice(0, 16));
    if (clash) {
      const target = booking.target ? entityBy(booking.target) : entity;
      const when = (v) => String(v).slice(0, 16).replace("T", " ");
      return reply(409, { detail: target.name + " " + merged[booking.link] + " is already booked from " + when(clash[booking.field])
        + " to " + when(clash[booking.end_field]) + "; choose another time" });
    }
  }
  const flow = workflowOf(entity);
  if (flow && row && flow.field in data && data[flow.field] !== row[flow.field]) {
    const allowed = flow.transitions[row[flow.field]] || [];
    if (!allowed.includes(data[flow.field])) return reply(409, { detail: "Cannot move from " + row[flow.field] + " to " + data[flow.field] });
  }
  return null;
}

function replaceRating(entity, data, token) {
  const use = useOf("ratings", entity.table);
  if (!use || !entity.owner) return null;
  const me = userOf(token);
  const old = STORE[entity.table].find((r) => r[entity.owner] === me.id && r[use.link] === data[use.link]);
  if (!old) return null;
  Object.assign(old, data);
  return reply(200, old);
}

function addRatings(entity, out) {
  const use = useOf("ratings", entity.table, "target");
  if (!use) return;
  const stars = STORE[use.entity].filter((r) => r[use.link] === out.id).map((r) => Number(r[use.field || "stars"]));
  out.rating_count = stars.length;
  out.rating_average = stars.length ? Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10 : null;
}

function addTotal(entity, out) {
  const rule = CONFIG.totals.find((t) => t.parent === entity.table);
  if (!rule) return;
  const sum = STORE[rule.child].filter((c) => c[rule.link] === out.id)
    .reduce((acc, c) => acc + (Number(c[rule.quantity]) || 0) * (Number(c[rule.price]) || 0), 0);
  out.total = Math.round(sum * 100) / 100;
}

function siblings(entity, order, row) {
  return STORE[entity.table].filter((r) => !order.link || r[order.link] === row[order.link]);
}

function densify(entity, order, parent) {
  const pos = order.field || "position";
  STORE[entity.table].filter((r) => !order.link || r[order.link] === parent)
    .sort((a, b) => a[pos] - b[pos]).forEach((r, i) => { r[pos] = i; });
}

function afterDelete(entity, row) {
  // As the database does: children that need this row go too (CASCADE), optional links and owners are
  // cleared (SET NULL), many-to-many links to it are dropped; then the ordered siblings close the gap.
  const order = orderingOf(entity);
  if (order) densify(entity, order, order.link ? row[order.link] : null);
  CONFIG.entities.forEach((child) => {
    child.relations.filter((r) => r.target === entity.table).forEach((r) => {
      const linked = STORE[child.table].filter((c) => (r.kind === "many_to_many" ? (c[r.field] || []).includes(row.id) : c[r.field] === row.id));
      linked.forEach((c) => {
        if (r.kind === "many_to_many") c[r.field] = c[r.field].filter((x) => x !== row.id);
        else if (r.required) {
          STORE[child.table] = STORE[child.table].filter((x) => x !== c);
          afterDelete(child, c);
        } else c[r.field] = null;
      });
    });
    if (entity.table === CONFIG.account && child.owner && !child.relations.some((r) => r.field === child.owner)) {
      STORE[child.table].filter((c) => c[child.owner] === row.id).forEach((c) => { c[child.owner] = null; });
    }
  });
}

function moveRow(entity, row, body) {
  const order = orderingOf(entity);
  const pos = order.field || "position";
  const position = (body || {}).position;
  if (!Number.isInteger(position) || position < 0) return reply(422, { detail: [{ loc: ["body", "position"], msg: "Input should be greater than or equal to 0" }] });
  const from = order.link ? row[order.link] : null;
  const to = order.link && body[order.link] !== undefined && body[order.link] !== null ? body[order.link] : from;
  if (order.link && !STORE[order.target].some((p) => p.id === to)) return reply(404, { detail: entityBy(order.target).name + " " + to + " not found" });
  const others = STORE[entity.table].filter((r) => r.id !== row.id && (!order.link || r[order.link] === to)).sort((a, b) => a[pos] - b[pos]);
  others.splice(Math.min(position, others.length), 0, row);
  if (order.link) row[order.link] = to;
  others.forEach((r, i) => { r[pos] = i; });
  if (from !== to) densify(entity, order, from);
  return reply(200, row);
}

function featureRoute(entity, id, rest, method, body, token) {
  const row = STORE[entity.table].find((r) => r.id === id);
  if (!row) return reply(404, { detail: entity.name + " " + id + " not found" });
  const [action, other] = rest;
  if (action === "comments" && method === "GET") {
    const use = useOf("comments", entity.table, "target");
    if (!use) return reply(404, { detail: "Not found" });
    const rows = STORE[use.entity].filter((c) => c[use.link] === id).slice()
      .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);
    return reply(200, rows);
  }
  const split = CONFIG.balances.find((b) => b.table === entity.table);
  if (action === "balances" && method === "GET" && split) return reply(200, memoryBalances(split, id));
  if (action === "favourite" && method === "POST" && useOf("favourites", entity.table, "target")) {
    const use = useOf("favourites", entity.table, "target");
    const me = userOf(token);
    if (!me) return reply(401, { detail: SIGN_IN });
    const fav = entityBy(use.entity);
    const found = STORE[use.entity].find((f) => f[fav.owner] === me.id && f[use.link] === id);
    if (found) STORE[use.entity] = STORE[use.entity].filter((f) => f !== found);
    else STORE[use.entity].push({ id: NEXT[use.entity]++, [fav.owner]: me.id, [use.link]: id, created_at: localNow() });
    return reply(200, { favourited: !found });
  }
  const denied = guardWrite(entity, row, token);
  if (denied && ["move", "transition"].includes(action)) return denied;
  if (action === "move" && method === "POST" && orderingOf(entity)) return moveRow(entity, row, body);
  if (action === "transition" && method === "POST" && workflowOf(entity)) {
    const flow = workflowOf(entity);
    const next = (body || {}).status;
    const choices = entity.fields.find((f) => f.name === flow.field).choices;
    if (!choices.includes(next)) return reply(422, { detail: [{ loc: ["body", "status"], msg: "Input should be " + choices.map((c) => "'" + c + "'").join(", ") }] });
    const refused = checkRules(entity, { [flow.field]: next }, row);
    if (refused) return refused;
    row[flow.field] = next;
    return reply(200, decorate(entity, row));
  }
  const rel = entity.relations.find((r) => r.kind === "many_to_many" && r.target === action);
  if (rel && other && (method === "PUT" || method === "DELETE")) {
    if (denied) return denied;
    const tid = parseInt(other, 10);
    if (!STORE[rel.target].some((t) => t.id === tid)) return reply(404, { detail: entityBy(rel.target).name + " " + tid + " not found" });
    const ids = (row[rel.field] || []).filter((x) => x !== tid);
    row[rel.field] = method === "PUT" ? ids.concat([tid]).sort((a, b) => a - b) : ids;
    return reply(204);
  }
  return reply(404, { detail: "Not found" });
}

function myFavourites(token, table) {
  // Most recently favourited first; /api/me/favourites is the first favourited entity's list.
  const use = CONFIG.uses.find((u) => u.name === "favourites" && (!table || u.target === table));
  const me = userOf(token);
  if (!use) return reply(404, { detail: "Not found" });
  if (!me) return reply(401, { detail: SIGN_IN });
  const fav = entityBy(use.entity);
  const target = entityBy(use.target);
  const mine = STORE[use.entity].filter((f) => f[fav.owner] === me.id).sort((a, b) => b.id - a.id);
  return reply(200, mine.map((f) => STORE[use.target].find((r) => r.id === f[use.link])).filter(Boolean)
    .map((r) => decorate(target, r)));
}
