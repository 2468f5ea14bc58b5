// lagebild map: country outlines and event places drawn as SVG, from this server only.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const box = document.getElementById("map");
  if (!box) return;
  const L = window.lagebild, query = box.dataset.query || "";
  const x = function (lon) { return lon + 180; }, y = function (lat) { return 90 - lat; };
  Promise.all([L.getJSON("/api/map/world"), L.getJSON("/api/map" + (query ? "?" + query : ""))]).then(function (res) {
    const world = res[0], data = res[1];
    box.textContent = "";
    const svg = L.svg("svg", { viewBox: "0 0 360 180", role: "img", "aria-label": "map of event places" }, box);
    const land = L.svg("g", { class: "countries" }, svg);
    world.countries.forEach(function (c) { L.title(L.svg("path", { d: c.d, class: "land" }, land), c.name); });
    const named = L.svg("g", { class: "named-places" }, svg);
    data.named.forEach(function (p) {
      L.title(L.svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 0.5, class: "named" }, named), p.name + " (named in " + p.articles + " articles)");
    });
    const events = L.svg("g", { class: "event-places" }, svg);
    const peak = Math.max(1, ...data.events.map(function (p) { return p.count; }));
    data.events.forEach(function (p) {
      let top = "asserted", best = -1;
      for (const m in p.modalities) { if (p.modalities[m] > best) { best = p.modalities[m]; top = m; } }
      const a = L.svg("a", { href: "/?" + new URLSearchParams({ place: p.name || "" }).toString() + (query ? "&" + query : "") }, events);
      const c = L.svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 0.8 + 3.2 * Math.sqrt(p.count / peak), class: "place mod-" + top }, a);
      const parts = Object.keys(p.modalities).map(function (m) { return p.modalities[m] + " " + m; }).join(", ");
      L.title(c, (p.name || "?") + ": " + p.count + " events (" + parts + ")");
    });
    const list = document.getElementById("map-list");
    data.events.forEach(function (p) {
      const li = document.createElement("li");
      li.textContent = (p.name || "?") + " · " + p.count;
      list.appendChild(li);
    });
    function fit() {
      if (!data.events.length) return svg.setAttribute("viewBox", "0 0 360 180");
      const xs = data.events.map(function (p) { return x(p.lon); }), ys = data.events.map(function (p) { return y(p.lat); });
      let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      let w = Math.max(x1 - x0, 20) * 1.3, h = Math.max(y1 - y0, 10) * 1.3;
      if (w / h > 2) h = w / 2; else w = h * 2;
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      svg.setAttribute("viewBox", [cx - w / 2, cy - h / 2, w, h].map(function (v) { return v.toFixed(2); }).join(" "));
    }
    fit();
    document.getElementById("map-fit").addEventListener("click", fit);
    document.getElementById("map-world").addEventListener("click", function () { svg.setAttribute("viewBox", "0 0 360 180"); });
    box.dataset.ready = "1";
  }).catch(function (err) { box.textContent = "The map could not be drawn: " + err.message; });
});
