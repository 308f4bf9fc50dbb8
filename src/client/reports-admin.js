// Back office of the citizens' reports (/admin/segnalazioni). Progressive enhancement only: every page works
// without it.
//  - the queue: a "select all" checkbox for the bulk form (<input data-select-all hidden>);
//  - the map view: draws the rows of the list (<tr data-map-point data-lat data-lon data-color data-href data-label>)
//    on <div data-reports-admin-map hidden data-tiles data-attribution data-center>, with Leaflet (loaded first from
//    /assets/leaflet/).
(function () {
  'use strict';
  if (!document.querySelector) return;

  // — Select all —
  var all = document.querySelector('[data-select-all]');
  var form = document.querySelector('[data-bulk-form]');
  if (all && form) {
    var boxes = form.querySelectorAll('input[type="checkbox"][name="numbers"]');
    all.hidden = false;
    var sync = function () {
      var n = 0;
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) n++;
      all.checked = n > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
    };
    all.addEventListener('change', function () {
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
    });
    for (var i = 0; i < boxes.length; i++) boxes[i].addEventListener('change', sync);
    sync();
  }

  // — Map —
  var el = document.querySelector('[data-reports-admin-map]');
  var L = window.L;
  if (!el || !L) return;

  function escapeText(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }

  function dotIcon(color) {
    var dot = document.createElement('span');
    dot.style.cssText = 'display:block;width:16px;height:16px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 2px #000;background:' + color;
    return L.divIcon({ html: dot.outerHTML, className: '', iconSize: L.point(16, 16) });
  }

  el.hidden = false;
  var center = (el.getAttribute('data-center') || '45.07,7.68,13').split(',').map(Number);
  var map = L.map(el).setView([center[0], center[1]], center[2] || 13);
  L.tileLayer(el.getAttribute('data-tiles') || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: escapeText(el.getAttribute('data-attribution') || ''),
  }).addTo(map);

  var rows = document.querySelectorAll('[data-map-point]');
  var bounds = [];
  for (var j = 0; j < rows.length; j++) {
    var r = rows[j];
    var lat = Number(r.getAttribute('data-lat'));
    var lon = Number(r.getAttribute('data-lon'));
    if (!isFinite(lat) || !isFinite(lon)) continue;
    var label = r.getAttribute('data-label') || '';
    var marker = L.marker([lat, lon], { icon: dotIcon(r.getAttribute('data-color') || '#5c6f82'), title: label, alt: label, keyboard: true });
    var a = document.createElement('a');
    a.href = r.getAttribute('data-href') || '#';
    a.textContent = label;
    marker.bindPopup(a);
    marker.addTo(map);
    bounds.push([lat, lon]);
  }
  if (bounds.length === 1) map.setView(bounds[0], 17);
  else if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
})();
