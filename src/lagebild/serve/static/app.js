// lagebild: submit the filter form when a switch or list changes, leaving empty fields out of the URL.
"use strict";
(function () {
  function submitClean(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (String(v).trim() !== "") params.append(k, v);
    }
    const qs = params.toString();
    window.location.assign(form.getAttribute("action") + (qs ? "?" + qs : ""));
  }
  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("filters");
    if (!form) return;
    form.addEventListener("submit", function (e) { e.preventDefault(); submitClean(form); });
    form.querySelectorAll("input[type=checkbox], select, input[type=date]").forEach(function (el) {
      el.addEventListener("change", function () { submitClean(form); });
    });
  });
  // shared by map.js and network.js: build SVG elements without ever parsing markup.
  window.lagebild = {
    svg: function (tag, attrs, parent) {
      const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const k in attrs || {}) el.setAttribute(k, String(attrs[k]));
      if (parent) parent.appendChild(el);
      return el;
    },
    title: function (el, text) {
      const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
      t.textContent = text;
      el.appendChild(t);
      return el;
    },
    getJSON: function (url) {
      return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    },
  };
})();
