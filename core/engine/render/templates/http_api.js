// The real backend: JSON over fetch, bearer token when signed in.
async function api(method, path, body, token) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  try {
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    return { status: res.status, data };
  } catch (err) {
    return { status: 0, data: { detail: String(err) } };
  }
}

// Uploads go as multipart form data; the server answers {id, filename, content_type, size}.
async function uploadFile(file, token) {
  const form = new FormData();
  form.append("file", file);
  const headers = token ? { Authorization: "Bearer " + token } : {};
  try {
    const res = await fetch("/api/uploads", { method: "POST", headers, body: form });
    return { status: res.status, data: await res.json().catch(() => null) };
  } catch (err) {
    return { status: 0, data: { detail: String(err) } };
  }
}

function fileUrl(id) {
  return "/api/uploads/" + encodeURIComponent(id);
}
