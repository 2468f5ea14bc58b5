// lagebild network: who acts on whom, by event type; a circle layout, drawn as SVG.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const box = document.getElementById("network");
  if (!box) return;
  const L = window.lagebild, query = box.dataset.query || "";
  const QUAD = {
    AGREE: "coop-verbal", CONSULT: "coop-verbal", SUPPORT: "coop-verbal", CONCEDE: "coop-verbal",
    COOPERATE: "coop-material", AID: "coop-material", RETREAT: "coop-material",
    REQUEST: "conf-verbal", ACCUSE: "conf-verbal", REJECT: "conf-verbal", THREATEN: "conf-verbal",
    PROTEST: "conf-material", SANCTION: "conf-material", MOBILIZE: "conf-material", COERCE: "conf-material", ASSAULT: "conf-material",
  };
  L.getJSON("/api/network" + (query ? "?" + query : "")).then(function (data) {
    box.textContent = "";
    if (!data.edges.length) { box.textContent = "No events with both an actor and a recipient match."; box.dataset.ready = "1"; return; }
    const W = 900, H = 640, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 110;
    const svg = L.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "actor network" }, box);
    const defs = L.svg("defs", {}, svg);
    Object.values(QUAD).filter(function (v, i, a) { return a.indexOf(v) === i; }).forEach(function (q) {
      const m = L.svg("marker", { id: "arrow-" + q, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      L.svg("path", { d: "M0 0L10 5L0 10z", class: "q-" + q }, m).classList.add("arrowhead");
    });
    const pos = {};
    data.nodes.forEach(function (n, i) {
      const a = 2 * Math.PI * i / data.nodes.length - Math.PI / 2;
      pos[n.id] = { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a: a };
    });
    const peak = Math.max(1, ...data.edges.map(function (e) { return e.count; }));
    const pairs = {};
    const edges = L.svg("g", { class: "edges" }, svg);
    data.edges.forEach(function (e) {
      const s = pos[e.source], t = pos[e.target];
      const key = e.source + "\u0000" + e.target, k = pairs[key] = (pairs[key] || 0) + 1;
      const mx = (s.x + t.x) / 2, my = (s.y + t.y) / 2, bend = 0.15 + 0.12 * k;
      const qx = mx + (cx - mx) * bend * 2, qy = my + (cy - my) * bend * 2;
      const dx = t.x - qx, dy = t.y - qy, d = Math.hypot(dx, dy) || 1, ex = t.x - dx / d * 7, ey = t.y - dy / d * 7;
      const q = QUAD[e.type] || "conf-verbal";
      const params = new URLSearchParams(query);
      params.set("actor", e.source); params.set("recipient", e.target); params.delete("type"); params.append("type", e.type);
      const a = L.svg("a", { href: "/?" + params.toString() }, edges);
      const p = L.svg("path", { d: "M" + s.x.toFixed(1) + " " + s.y.toFixed(1) + "Q" + qx.toFixed(1) + " " + qy.toFixed(1) + " " + ex.toFixed(1) + " " + ey.toFixed(1),
        class: "edge q-" + q, "stroke-width": (1 + 5 * e.count / peak).toFixed(1), "marker-end": "url(#arrow-" + q + ")" }, a);
      L.title(p, e.source + " → " + e.target + ": " + e.type + " × " + e.count);
    });
    const nodes = L.svg("g", { class: "nodes" }, svg);
    const npeak = Math.max(1, ...data.nodes.map(function (n) { return n.events; }));
    data.nodes.forEach(function (n) {
      const p = pos[n.id];
      const a = L.svg("a", { href: "/entity?" + new URLSearchParams({ name: n.id }).toString(), class: "node" }, nodes);
      L.title(L.svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: (3 + 6 * Math.sqrt(n.events / npeak)).toFixed(1) }, a), n.id + ": " + n.events + " events");
      const right = Math.cos(p.a) >= 0;
      const label = L.svg("text", { x: (p.x + (right ? 12 : -12)).toFixed(1), y: (p.y + 4).toFixed(1), "text-anchor": right ? "start" : "end" }, a);
      label.textContent = n.id;
    });
    const table = document.getElementById("edge-list");
    const head = table.insertRow(); ["actor", "→ recipient", "type", "events"].forEach(function (h) { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
    data.edges.slice(0, 60).forEach(function (e) {
      const row = table.insertRow();
      [e.source, e.target, e.type, e.count].forEach(function (v) { row.insertCell().textContent = String(v); });
    });
    box.dataset.ready = "1";
  }).catch(function (err) { box.textContent = "The network could not be drawn: " + err.message; });
});
