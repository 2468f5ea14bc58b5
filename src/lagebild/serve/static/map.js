// lagebild map: a pan/zoom map (Leaflet, vendored) over Natural Earth country outlines shipped
// with the package, event places clustered when close, the events of a place on click.
// Nothing is fetched from elsewhere; text from the data is only ever set as textContent.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  const box = document.getElementById("map");
  if (!box || !window.L || !L.markerClusterGroup) return;
  const LB = window.lagebild, query = box.dataset.query || "";
  const ORDER = ["asserted", "planned", "hypothetical", "uncertain", "question", "negated"];

  // TopoJSON (quantised, delta-encoded arcs) to GeoJSON features
  function topoFeatures(topo, name) {
    const t = topo.transform, sx = t ? t.scale[0] : 1, sy = t ? t.scale[1] : 1, tx = t ? t.translate[0] : 0, ty = t ? t.translate[1] : 0;
    const arcs = topo.arcs.map(function (arc) {
      let x = 0, y = 0;
      return arc.map(function (p) { if (t) { x += p[0]; y += p[1]; } else { x = p[0]; y = p[1]; } return [x * sx + tx, y * sy + ty]; });
    });
    function ring(ids) {
      const out = [];
      let off = 0;  // unwrap rings that cross the antimeridian (Chukotka, Fiji): no line across the world
      ids.forEach(function (i, k) {
        const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        (k ? a.slice(1) : a).forEach(function (p) {
          if (out.length) {
            const d = p[0] + off - out[out.length - 1][0];
            if (d > 180) off -= 360; else if (d < -180) off += 360;
          }
          out.push([p[0] + off, p[1]]);
        });
      });
      return out;
    }
    // the parts of one country on the far side of the antimeridian (Chukotka, Fiji's east) move next to its largest part
    function near(polys) {
      const box = polys.map(function (p) {
        const xs = p[0].map(function (q) { return q[0]; }), ys = p[0].map(function (q) { return q[1]; });
        const x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
        return { c: (x0 + x1) / 2, area: (x1 - x0) * (Math.max.apply(null, ys) - Math.min.apply(null, ys)) };
      });
      let main = 0;
      box.forEach(function (b, i) { if (b.area > box[main].area) main = i; });
      return polys.map(function (p, i) {
        const d = box[i].c - box[main].c, shift = d > 180 ? -360 : d < -180 ? 360 : 0;
        return shift ? p.map(function (r) { return r.map(function (q) { return [q[0] + shift, q[1]]; }); }) : p;
      });
    }
    // Antarctica's ring runs round the pole, which a flat map cannot close: left out (no news happens there often)
    return topo.objects[name].geometries.filter(function (g) { return g.id !== "010"; }).map(function (g) {
      const coords = g.type === "Polygon" ? g.arcs.map(ring) : g.type === "MultiPolygon" ? near(g.arcs.map(function (p) { return p.map(ring); })) : [];
      return { type: "Feature", id: g.id, properties: g.properties || {}, geometry: { type: g.type, coordinates: coords } };
    }).filter(function (f) { return f.geometry.coordinates.length; });
  }

  function top(mods) {
    let best = "asserted", n = -1;
    ORDER.forEach(function (m) { if ((mods[m] || 0) > n) { n = mods[m] || 0; best = m; } });
    return best;
  }
  function el(tag, cls, text, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  function link(href, text, parent, cls) { const a = el("a", cls, text, parent); a.href = href; return a; }
  function placeQuery(name) { return new URLSearchParams({ place: name || "" }).toString() + (query ? "&" + query : ""); }
  function according(e) {
    if (!e.source_kind) return "the article itself";
    const who = e.source_text || e.source_kind.replace("_", " ");
    return e.source_count ? who + " (" + e.source_count + ")" : who;
  }

  box.textContent = "";
  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5, zoomControl: true });
  map.on("moveend zoomend", function () {  // the view, readable by tests and bookmarklets
    const c = map.getCenter();
    box.dataset.zoom = String(map.getZoom());
    box.dataset.center = c.lat.toFixed(3) + "," + c.lng.toFixed(3);
  });
  map.setView([25, 10], 2);
  map.attributionControl.setPrefix("Leaflet 1.9.4");
  map.attributionControl.addAttribution("outlines: Natural Earth 1:110m (public domain)");
  const card = document.getElementById("map-card");

  function showPlace(p) {
    card.textContent = "";
    card.hidden = false;
    const head = el("header", null, null, card);
    el("h2", null, p.name || "?", head);
    el("p", "dim", p.count + " event" + (p.count === 1 ? "" : "s") + " here · " +
       Object.keys(p.modalities).map(function (m) { return p.modalities[m] + " " + m; }).join(", "), head);
    const list = el("ol", "map-events", null, card);
    el("li", "dim", "loading…", list);
    LB.getJSON("/api/events?limit=20&" + placeQuery(p.name)).then(function (res) {
      list.textContent = "";
      res.events.forEach(function (e) {
        const li = el("li", "map-event mod-" + e.modality, null, list);
        const h = el("div", "head", null, li);
        el("span", "type t-" + e.type, e.type + (e.mode ? " / " + e.mode : ""), h);
        el("span", "badge mod-" + e.modality, e.modality, h);
        el("p", "who", (e.actor_names.join(", ") || "?") + " → " + (e.recipient_names.join(", ") || "–"), li);
        const when = el("p", "when", null, li);
        if (e.date_text) {
          el("span", "event-date", e.date_text, when).title = "TIMEX value " + e.date;
          el("span", "precision dim", " (" + e.date_precision + ")", when);
        } else {
          el("span", "no-date", "no event date in the text; reporting date " + (e.published_text || "unknown"), when);
        }
        el("p", "according", "according to " + according(e), li);
        el("blockquote", "evidence", e.evidence_text, li);
        link("/events/" + encodeURIComponent(e.article_id) + "/" + encodeURIComponent(e.id), "open the event", li, "open");
      });
      if (res.total > res.events.length) link("/?" + placeQuery(p.name), "all " + res.total + " events at " + (p.name || "?"), card, "more");
    }).catch(function (err) { list.textContent = "The events could not be loaded: " + err.message; });
  }

  Promise.all([LB.getJSON(box.dataset.world), LB.getJSON("/api/map" + (query ? "?" + query : ""))]).then(function (res) {
    const world = res[0], data = res[1];
    L.geoJSON({ type: "FeatureCollection", features: topoFeatures(world, "countries") }, {
      interactive: false, style: { className: "land", color: "#b9b3a3", weight: 0.7, fillColor: "#f4f1e8", fillOpacity: 1 },
    }).addTo(map);
    const named = L.layerGroup().addTo(map);
    data.named.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 2.5, className: "named", stroke: false, fillColor: "#777", fillOpacity: 0.5, interactive: false })
        .addTo(named);
    });
    const peak = Math.max(1, ...data.events.map(function (p) { return p.count; }));
    const clusters = L.markerClusterGroup({
      maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      iconCreateFunction: function (c) {
        const mods = {}; let n = 0;
        c.getAllChildMarkers().forEach(function (m) {
          n += m.options.count;
          for (const k in m.options.modalities) mods[k] = (mods[k] || 0) + m.options.modalities[k];
        });
        const size = Math.round(26 + 18 * Math.sqrt(n / peak));
        return L.divIcon({ html: "<span>" + Number(n) + "</span>", className: "cluster mod-" + top(mods), iconSize: L.point(size, size) });
      },
    });
    const list = document.getElementById("map-list");
    data.events.forEach(function (p) {
      const size = Math.round(12 + 16 * Math.sqrt(p.count / peak));
      const m = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ className: "place mod-" + top(p.modalities), iconSize: L.point(size, size), html: "" }),
        count: p.count, modalities: p.modalities, title: (p.name || "?") + ": " + p.count + " events", alt: p.name || "?", keyboard: true,
      });
      m.on("click", function () { showPlace(p); });
      clusters.addLayer(m);
      const li = el("li", null, null, list);
      link("/?" + placeQuery(p.name), (p.name || "?") + " · " + p.count, li);
    });
    map.addLayer(clusters);
    function fit() {
      if (!data.events.length) return map.setView([25, 10], 2);
      map.fitBounds(L.latLngBounds(data.events.map(function (p) { return [p.lat, p.lon]; })).pad(0.3), { maxZoom: 7 });
    }
    fit();
    document.getElementById("map-fit").addEventListener("click", fit);
    document.getElementById("map-world").addEventListener("click", function () { map.setView([25, 10], 2); });
    box.dataset.ready = "1";
  }).catch(function (err) { box.textContent = "The map could not be drawn: " + err.message; });
});
